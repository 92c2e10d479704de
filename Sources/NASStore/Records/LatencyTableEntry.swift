/// One stored latency-table entry: a key, its latency and the noise of its measurement.
public struct LatencyTableEntry: Sendable, Hashable {
    /// The entry's key (an architecture, or a part such as `layer5:k3_e6@24x56x56`).
    public var key: String
    /// The latency in seconds.
    public var seconds: Double
    /// The coefficient of variation of the measurement behind it, when known.
    public var cv: Double?

    /// Creates an entry.
    public init(key: String, seconds: Double, cv: Double? = nil) {
        self.key = key
        self.seconds = seconds
        self.cv = cv
    }
}
