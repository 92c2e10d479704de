/// Whether an objective wants a metric large or small.
public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Larger is better (accuracy).
    case maximize
    /// Smaller is better (latency, loss).
    case minimize

    /// The value turned so that larger is always better.
    public func oriented(_ value: Double) -> Double {
        self == .maximize ? value : -value
    }
}
