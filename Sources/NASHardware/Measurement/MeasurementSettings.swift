/// How a latency is measured: calls discarded to warm caches, then timed calls.
public struct MeasurementSettings: Sendable, Hashable, Codable {
    /// Untimed calls before the timed ones (caches, page faults, thread wake-up).
    public var warmup: Int
    /// Timed calls; the median of them is the latency.
    public var repeats: Int

    /// Settings with `warmup` untimed and `repeats` timed calls.
    public init(warmup: Int = 5, repeats: Int = 50) {
        self.warmup = warmup
        self.repeats = repeats
    }

    /// The usual settings: 5 warm-up calls, 50 timed.
    public static let standard = MeasurementSettings()
    /// Fewer calls, for tables of many entries: 3 warm-up calls, 15 timed.
    public static let quick = MeasurementSettings(warmup: 3, repeats: 15)

    /// Throws unless both counts are sensible.
    public func validate() throws {
        guard warmup >= 0 else { throw HardwareError("warmup must be 0 or more, got \(warmup)") }
        guard repeats >= 1 else { throw HardwareError("repeats must be at least 1, got \(repeats)") }
        guard repeats <= 100_000 else { throw HardwareError("repeats must be at most 100000, got \(repeats)") }
    }
}
