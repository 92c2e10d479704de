import NASSpaces

/// One sub-network that specialisation chose for a latency target, with its estimates and its supernet accuracy.
public struct SpecialisedSubnet: Sendable, Hashable {
    /// The latency target, in seconds.
    public var target: Double
    /// The chosen architecture.
    public var architecture: Architecture
    /// Its estimated latency, in seconds (at most `target`).
    public var latency: Double
    /// The accuracy predictor's estimate of its validation accuracy.
    public var predictedAccuracy: Double
    /// Its measured validation and test accuracy with the supernet's inherited weights (after batch-norm recalibration).
    public var accuracy: Double, testAccuracy: Double

    /// A result for `target`.
    public init(target: Double, architecture: Architecture, latency: Double, predictedAccuracy: Double, accuracy: Double,
                testAccuracy: Double) {
        self.target = target
        self.architecture = architecture
        self.latency = latency
        self.predictedAccuracy = predictedAccuracy
        self.accuracy = accuracy
        self.testAccuracy = testAccuracy
    }
}
