import NASCore
import NASSpaces

/// Evaluates an architecture by measuring its latency on a device: an evaluator like a table or training.
///
/// Reports `latency` (the median call, seconds), `latency_p10` and `latency_p90` (the spread),
/// `noise_cv` (the coefficient of variation of the timed calls) and, where the device says,
/// `peak_memory` (bytes). The network is built at `input` (the space's default when nil).
public struct MeasuredLatencyEvaluator: Evaluator {
    /// The device measured on.
    public let device: any Device
    /// The calls per measurement.
    public let settings: MeasurementSettings
    /// The input shape of one sample (nil: the space's default).
    public let input: TensorShape?
    /// The batch size of a call.
    public let batch: Int

    /// An evaluator that measures on `device`.
    public init(device: any Device, settings: MeasurementSettings = .standard, input: TensorShape? = nil, batch: Int = 1) throws {
        try settings.validate()
        guard batch >= 1 else { throw HardwareError("batch must be at least 1, got \(batch)") }
        self.device = device
        self.settings = settings
        self.input = input
        self.batch = batch
    }

    public var descriptor: String {
        let shape = input.map { ", input: [\(batch), \($0.channels), \($0.height), \($0.width)]" } ?? ", batch: \(batch)"
        return "measure(device: \(device.name)\(shape), repeats: \(settings.repeats), warmup: \(settings.warmup))"
    }

    public var supportedSpaces: Set<String> { [] }
    public var maxEpochs: Int? { nil }

    /// Measures the architecture's network; a network the engine cannot run is a failed trial.
    public func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity,
                         seed: UInt64, cancel: CancellationToken) throws -> TrialResult {
        let spec = try space.network(architecture, input: input ?? space.defaultInput, classes: space.defaultClasses)
        let m = try device.measure(spec, batch: batch, settings: settings, cancel: cancel)
        var metrics: [String: Double] = ["latency": m.median, "latency_p10": m.p10, "latency_p90": m.p90,
                                         "noise_cv": m.coefficientOfVariation]
        if let bytes = m.peakMemoryBytes { metrics["peak_memory"] = Double(bytes) }
        return TrialResult(metrics: metrics)
    }
}
