/// A network measured beside a reference network, for their difference: each with its own calls.
public struct MeasuredPair: Sendable, Hashable {
    /// The reference network's calls made beside this one.
    public let reference: LatencyMeasurement
    /// The other network's calls.
    public let other: LatencyMeasurement
    /// The timed calls of one turn when the two networks' calls alternated in turns (sample i of
    /// each side then ran in the same round, a few calls apart); nil when they did not.
    public let turn: Int?

    /// A pair of measurements.
    public init(reference: LatencyMeasurement, other: LatencyMeasurement, turn: Int? = nil) {
        self.reference = reference
        self.other = other
        self.turn = turn
    }

    /// The reference's median over the turn that ran beside the other network's call `i`
    /// (over all of its calls when the calls did not alternate).
    public func referenceBeside(call i: Int) -> Double {
        guard let turn, turn >= 1, reference.samples.count == other.samples.count else { return reference.median }
        let start = i / turn * turn
        return LatencyMeasurement(samples: Array(reference.samples[start..<min(start + turn, reference.samples.count)])).median
    }
}
