/// How a scalar quantity prefers to be printed; it never changes arithmetic.
public enum DisplayHint: String, Sendable, Hashable, Codable {
    /// Printed as a number.
    case plain
    /// Printed with a count suffix (`10k`, `3.5M`).
    case count
    /// Stored as a fraction, printed as a percentage (`0.9437` prints as `94.37%`).
    case percent
}
