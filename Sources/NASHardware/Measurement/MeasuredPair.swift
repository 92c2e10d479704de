/// A network measured beside a reference network, for their difference: each with its own calls.
public struct MeasuredPair: Sendable, Hashable {
    /// The reference network's calls made beside this one.
    public let reference: LatencyMeasurement
    /// The other network's calls.
    public let other: LatencyMeasurement

    /// A pair of measurements.
    public init(reference: LatencyMeasurement, other: LatencyMeasurement) {
        self.reference = reference
        self.other = other
    }
}
