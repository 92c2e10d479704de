import NASCore
import NASSpaces

/// A device whose every measurement runs beside a fixed reference network and is scaled by it:
/// latency relative to the reference, in the reference's seconds.
///
/// A network's calls alternate with the reference's (`Device.measurePairs`: in turns of a few
/// calls on naslab's engine), and each call is scaled by `baseline / reference`, with `reference`
/// the median of the reference's turn beside it (of all its calls on a device that cannot
/// alternate: `MeasuredPair.referenceBeside`); `baseline` is the reference's latency measured
/// when the device is made (the lowest median of `baselineMeasurements` measurements: the
/// machine at its quickest). Whatever slows the machine
/// for longer than a turn slows both networks alike and cancels in the ratio.
///
/// Why: measured on this session's 2-core virtual machine (docs/performance.md), the machine
/// switches between two speeds for seconds at a time. One NB201 cell's median call moved between
/// 0.90 and 1.41 ms over a minute, and its fastest call between 0.89 and 1.32 ms, while its ratio
/// to a reference cell measured beside it stayed within 0.36–0.41. A retest of 200 cells measured
/// alone agreed with itself at Kendall τ 0.80.
///
/// Take the median of the scaled calls. Their fastest call is not steady: it picks the call whose
/// reference turn ran slowest, and two latency-bench runs that used it agreed with their own
/// retest for only 38.5% and 45.5% of held-out networks within ±10%.
///
/// The price is twice the calls. The reference may take another input than the networks measured
/// (one whole network as the reference of a latency table's blocks).
public struct ReferencedDevice: Device {
    /// The device measured on.
    public let base: any Device
    /// The network every measurement runs beside.
    public let reference: NetworkSpec
    /// The batch the baseline was measured at (every measurement must use it).
    public let batch: Int
    /// The reference's latency with the machine at its quickest, in seconds: the scale of every result.
    public let baseline: Double

    /// Measures the reference `baselineMeasurements` times with `settings` and keeps the lowest median.
    public init(base: any Device, reference: NetworkSpec, batch: Int = 1, settings: MeasurementSettings = .standard,
                baselineMeasurements: Int = 5, cancel: CancellationToken = CancellationToken()) throws {
        guard baselineMeasurements >= 1 else {
            throw HardwareError("the reference's baseline needs at least 1 measurement, got \(baselineMeasurements)")
        }
        let medians = try (0..<baselineMeasurements).map { _ in
            try base.measure(reference, batch: batch, settings: settings, cancel: cancel).median
        }
        self.base = base
        self.reference = reference
        self.batch = batch
        self.baseline = medians.min()!
    }

    /// The base device's name with `+ref`: tables measured this way are not the base device's.
    public var name: String { "\(base.name)+ref" }
    public var threads: Int { base.threads }
    public var engineVersion: String { base.engineVersion }

    /// `spec` measured beside the reference, each call scaled by `baseline` over the reference's turn beside it.
    public func measure(_ spec: NetworkSpec, batch: Int, settings: MeasurementSettings,
                        cancel: CancellationToken) throws -> LatencyMeasurement {
        guard batch == self.batch else {
            throw HardwareError("this referenced device measures at batch \(self.batch) (its baseline's), not \(batch)")
        }
        let pair = try base.measurePairs(reference: reference, others: [spec], batch: batch, settings: settings, cancel: cancel)[0]
        let scaled = pair.other.samples.enumerated().map { i, seconds in seconds * baseline / pair.referenceBeside(call: i) }
        return LatencyMeasurement(samples: scaled, peakMemoryBytes: pair.other.peakMemoryBytes)
    }

    /// Each measurement costs the base device's pair of the reference and the network.
    public func pairMeasurementCount(others: Int) -> Int { (others + 2) * base.pairMeasurementCount(others: 1) }
}
