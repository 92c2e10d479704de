import NASCore
import NASHardware
import NASSpaces

/// A device that reports each measurement as its fastest call: on a machine shared with other
/// work, preemption only ever adds time, so the minimum is the figure least moved by the load.
/// (The benchmark's `NASLAB_LATENCY_STATISTIC=min`; the noise of the calls is kept as `cv`.)
struct FastestCallDevice: Device {
    let base: any Device
    var name: String { base.name }
    var threads: Int { base.threads }

    func measure(_ spec: NetworkSpec, batch: Int, settings: MeasurementSettings, cancel: CancellationToken) throws -> LatencyMeasurement {
        let m = try base.measure(spec, batch: batch, settings: settings, cancel: cancel)
        FastestCallDevice.noise.append(m.coefficientOfVariation)
        return fastest(m)
    }

    func measurePairs(reference: NetworkSpec, others: [NetworkSpec], batch: Int, settings: MeasurementSettings,
                      cancel: CancellationToken) throws -> [MeasuredPair] {
        try base.measurePairs(reference: reference, others: others, batch: batch, settings: settings, cancel: cancel).map {
            FastestCallDevice.noise.append($0.other.coefficientOfVariation)
            return MeasuredPair(reference: fastest($0.reference), other: fastest($0.other))
        }
    }

    func pairMeasurementCount(others: Int) -> Int { base.pairMeasurementCount(others: others) }

    /// The measurement as its fastest call.
    private func fastest(_ m: LatencyMeasurement) -> LatencyMeasurement {
        LatencyMeasurement(samples: [m.minimum], peakMemoryBytes: m.peakMemoryBytes)
    }

    /// The CV of every measurement so far (the bench runs serially).
    nonisolated(unsafe) static var noise: [Double] = []
}
