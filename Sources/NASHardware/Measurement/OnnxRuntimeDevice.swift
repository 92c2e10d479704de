import Foundation
import NASCore
import NASExport
import NASSpaces
import NASTraining

/// onnxruntime on this machine's CPU, at a fixed thread count, in a helper process: a device whose compiler naslab does not know.
///
/// A network is exported as an ONNX model with seeded random weights (latency does not depend on
/// their values) and handed to a long-lived `python3` helper (`OnnxRuntimeHelper`), which compiles
/// it with onnxruntime's default graph optimisations (`threads` intra-op threads, one inter-op
/// thread, sequential execution), runs the warm-up calls and times each call itself, so that the
/// pipe is never timed. Copies of a device share its one helper; it ends when the last is released.
public struct OnnxRuntimeDevice: Device {
    /// Intra-op threads (1 or more).
    public let threads: Int
    /// The helper process.
    let helper: OnnxRuntimeHelper

    /// The python executable: `NASLAB_PYTHON` when set (a virtual environment's, say), else `python3` on the PATH.
    public static var defaultPython: String { ProcessInfo.processInfo.environment["NASLAB_PYTHON"] ?? "python3" }

    /// onnxruntime at `threads` threads; starts the helper with `python` now, so that a missing
    /// python3 or onnxruntime is an error here rather than at the first measurement.
    public init(threads: Int = 1, python: String = OnnxRuntimeDevice.defaultPython) throws {
        try DeviceKind.checkThreads(threads)
        self.threads = threads
        helper = try OnnxRuntimeHelper(python: python, threads: threads)
    }

    /// `onnxruntime/1t`, `onnxruntime/2t`.
    public var name: String { "onnxruntime/\(threads)t" }

    /// `onnxruntime 1.17.1`: the version the helper loaded.
    public var engineVersion: String { "onnxruntime \(helper.version)" }

    /// Times `settings.repeats` calls of the exported model after `settings.warmup` untimed ones.
    /// The peak memory is not reported: onnxruntime does not say.
    public func measure(_ spec: NetworkSpec, batch: Int, settings: MeasurementSettings,
                        cancel: CancellationToken) throws -> LatencyMeasurement {
        try checkMeasurable(spec, batch: batch, settings: settings)
        try cancel.check()
        let file = try Self.writeModel(spec)
        defer { try? FileManager.default.removeItem(at: file) }
        let samples = try helper.time(modelAt: file.path, batch: batch, warmup: settings.warmup, repeats: settings.repeats,
                                      cancel: cancel)
        try cancel.check()
        guard !samples.isEmpty else { throw HardwareError("the onnxruntime helper returned no timed calls") }
        return LatencyMeasurement(samples: samples)
    }

    /// Exports `spec` and compiles it in the helper for `batch`, where it stays for `timeLoaded`
    /// until this device (or a copy) loads or measures another network. For a caller that times one
    /// network in many short turns (the batch-1 bench interleaves it with naslab's engine), so that
    /// each turn does not compile it again.
    public func load(_ spec: NetworkSpec, batch: Int) throws {
        try checkMeasurable(spec, batch: batch, settings: .standard)
        let file = try Self.writeModel(spec)
        defer { try? FileManager.default.removeItem(at: file) }
        try load(modelAt: file, batch: batch)
    }

    /// Compiles the ONNX model in `file`, from any exporter, in the helper for `batch`, where it stays
    /// for `timeLoaded` as `load(_:batch:)`'s does; a missing or unreadable file is an error naming it.
    public func load(modelAt file: URL, batch: Int) throws {
        guard batch >= 1 else { throw HardwareError("batch must be at least 1, got \(batch)") }
        try helper.load(modelAt: file.path, batch: batch)
    }

    /// The seconds of `repeats` timed calls of the network `load` compiled, after `warmup` untimed ones;
    /// throws when none is loaded.
    public func timeLoaded(warmup: Int, repeats: Int, cancel: CancellationToken) throws -> [Double] {
        try helper.run(warmup: warmup, repeats: repeats, cancel: cancel)
    }

    /// The network with seeded weights as an ONNX model in a temporary file.
    static func writeModel(_ spec: NetworkSpec) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-\(UUID().uuidString).onnx")
        do {
            let weights = try NetworkWeights(model: try Model(spec: spec, seed: 0), origin: "naslab's initial weights, seed 0")
            try Data(try ONNXExporter.model(weights, title: "latency measurement")).write(to: file)
        } catch let error as ExportError {
            throw HardwareError("cannot export the network to ONNX for onnxruntime: \(error.description)")
        }
        return file
    }
}
