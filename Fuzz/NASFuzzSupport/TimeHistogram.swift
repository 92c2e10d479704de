/// How the inputs' running times are spread, to see where a fuzzing session's time goes.
public struct TimeHistogram {
    /// The upper bounds of the buckets, in seconds; a last bucket holds everything slower.
    public static let bounds = [0.001, 0.005, 0.02, 0.05, 0.2, 1]
    /// Inputs per bucket.
    public private(set) var counts = Array(repeating: 0, count: bounds.count + 1)
    /// Seconds spent per bucket.
    public private(set) var seconds = Array(repeating: 0.0, count: bounds.count + 1)

    /// Creates an empty histogram.
    public init() {}

    /// Counts one input that took `duration` seconds.
    public mutating func add(_ duration: Double) {
        let bucket = Self.bounds.firstIndex { duration < $0 } ?? Self.bounds.count
        counts[bucket] += 1
        seconds[bucket] += duration
    }

    /// One line per bucket: `< 5 ms: 1234 inputs, 2.1 s`.
    public var report: String {
        counts.indices.map { i in
            let label = i < Self.bounds.count ? "< \(Int(Self.bounds[i] * 1000)) ms" : ">= \(Int(Self.bounds.last! * 1000)) ms"
            let spent = (seconds[i] * 10).rounded() / 10
            return "\(label): \(counts[i]) inputs, \(spent) s"
        }.joined(separator: "\n")
    }
}
