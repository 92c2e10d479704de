import Dispatch
import Foundation
import NASCore
import NASSpaces
import NASTensor
import NASTraining

/// naslab's own inference engine on this machine, at a fixed thread count: a device.
///
/// A network is built with seeded random weights (latency does not depend on their values),
/// compiled into an inference plan with a fixed setting — `threads` kernel threads, one lane, no
/// Winograd kernels — so that the same network always gets the same compiled code, and timed
/// on the calling thread. The plan's compiler folds batch norms and fuses activations and
/// residual sums: exactly what makes a sum of standalone block latencies wrong.
public struct EngineDevice: Device {
    /// Kernel threads (1 or more).
    public let threads: Int

    /// The engine at `threads` threads.
    public init(threads: Int = 1) throws {
        try DeviceKind.checkThreads(threads)
        self.threads = threads
    }

    /// `naslab-cpu/1t`, `naslab-cpu/2t`.
    public var name: String { "naslab-cpu/\(threads)t" }

    /// Times `settings.repeats` calls of the compiled plan after `settings.warmup` untimed ones.
    public func measure(_ spec: NetworkSpec, batch: Int, settings: MeasurementSettings,
                        cancel: CancellationToken) throws -> LatencyMeasurement {
        try checkMeasurable(spec, batch: batch, settings: settings)
        let plan = try compiledPlan(spec, batch: batch)
        let input = Tensor(zeros: plan.inputDims)
        let previous = ComputeThreads.current
        ComputeThreads.apply(threads)
        defer { ComputeThreads.apply(previous) }
        for _ in 0..<settings.warmup {
            try cancel.check()
            _ = try plan(input)
        }
        var samples: [Double] = []
        samples.reserveCapacity(settings.repeats)
        for _ in 0..<settings.repeats {
            try cancel.check()
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try plan(input)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        let weightBytes = spec.cost.params * MemoryLayout<Float>.size
        return LatencyMeasurement(samples: samples, peakMemoryBytes: plan.arenaBytes + weightBytes)
    }

    /// The network with seeded weights, compiled for `batch` inputs at this device's setting.
    func compiledPlan(_ spec: NetworkSpec, batch: Int) throws -> InferencePlan {
        let model = try Model(spec: spec, seed: 0).inferenceModel()
        if batch == 1 { model.batchOneSetting = (threads: threads, lanes: 1, winograd: false) }
        let previous = ComputeThreads.current
        ComputeThreads.apply(threads)
        defer { ComputeThreads.apply(previous) }
        return try model.plan(batch: batch)
    }
}
