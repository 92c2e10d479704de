/// The timed calls of one latency measurement and what they say: median, spread, noise.
///
/// The median is the latency; the spread (10th to 90th percentile) and the coefficient of
/// variation are reported beside it rather than hidden, because a latency table or a predictor
/// is only as good as the noise of the measurements behind it.
public struct LatencyMeasurement: Sendable, Hashable, Codable {
    /// Every timed call, in seconds, in the order they ran.
    public let samples: [Double]
    /// Peak memory of the inference in bytes (activations, scratch and weights), when the device says.
    public let peakMemoryBytes: Int?

    /// A measurement from its timed calls (at least one).
    public init(samples: [Double], peakMemoryBytes: Int? = nil) {
        precondition(!samples.isEmpty, "a measurement has at least one timed call")
        self.samples = samples
        self.peakMemoryBytes = peakMemoryBytes
    }

    /// The median call, in seconds: the latency.
    public var median: Double { quantile(0.5) }
    /// The fastest call, in seconds.
    public var minimum: Double { samples.min()! }
    /// The mean call, in seconds.
    public var mean: Double { samples.reduce(0, +) / Double(samples.count) }
    /// The 10th percentile, in seconds.
    public var p10: Double { quantile(0.1) }
    /// The 90th percentile, in seconds.
    public var p90: Double { quantile(0.9) }

    /// The standard deviation over the mean (0.02 is 2%).
    public var coefficientOfVariation: Double {
        guard samples.count > 1 else { return 0 }
        let m = mean
        let variance = samples.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(samples.count - 1)
        return variance.squareRoot() / m
    }

    /// The `q` quantile with linear interpolation between order statistics (numpy's default).
    public func quantile(_ q: Double) -> Double {
        let sorted = samples.sorted()
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down)), high = min(low + 1, sorted.count - 1)
        return sorted[low] + (position - Double(low)) * (sorted[high] - sorted[low])
    }
}
