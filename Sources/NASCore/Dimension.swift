/// The physical kind of a quantity; arithmetic and comparison require matching kinds.
public enum Dimension: String, Sendable, Hashable, Codable, CaseIterable {
    /// A plain number (counts, ratios and percentages are plain numbers too).
    case scalar
    /// A duration, stored in seconds.
    case time
    /// An amount of memory, stored in bytes.
    case bytes
}
