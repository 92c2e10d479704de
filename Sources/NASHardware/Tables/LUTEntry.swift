/// One latency-table entry: a part's latency and the noise of the measurement behind it.
public struct LUTEntry: Sendable, Hashable, Codable {
    /// The latency in seconds (the median call for a measured part).
    public var seconds: Double
    /// The coefficient of variation of the measurement behind it (0.02 is 2%).
    public var cv: Double

    /// An entry of `seconds` with noise `cv`.
    public init(seconds: Double, cv: Double) {
        self.seconds = seconds
        self.cv = cv
    }
}
