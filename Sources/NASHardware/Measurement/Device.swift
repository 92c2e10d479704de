import NASCore
import NASSpaces

/// A device: something that runs a network and answers only how long it took.
///
/// Everything hardware-aware in naslab (latency tables, their correction, predictors, search-space
/// profiling) talks to a device through this one question, so the device and its compiler stay a
/// black box, as in Zeng et al. (ASP-DAC 2020). naslab's own engine at one or two threads is a
/// device (`EngineDevice`); a helper process running onnxruntime would be another.
public protocol Device: Sendable {
    /// A short name that identifies the device and its settings (`naslab-cpu/1t`).
    var name: String { get }
    /// The number of compute threads it runs with.
    var threads: Int { get }

    /// Runs `spec` on `batch` inputs as `settings` say and reports the latency of one call.
    func measure(_ spec: NetworkSpec, batch: Int, settings: MeasurementSettings,
                 cancel: CancellationToken) throws -> LatencyMeasurement
}
