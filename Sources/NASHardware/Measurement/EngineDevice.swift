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
        let samples = try onThreads {
            for _ in 0..<settings.warmup {
                try cancel.check()
                _ = try plan(input)
            }
            return try (0..<settings.repeats).map { _ in
                try cancel.check()
                return try Self.timedCall(plan, input)
            }
        }
        return LatencyMeasurement(samples: samples, peakMemoryBytes: Self.peakBytes(plan, spec))
    }

    /// Each of `others` with its calls interleaved with `reference`'s, a few calls at a time
    /// (`interleaved`), so that whatever slows the machine for longer than a few calls reaches
    /// both sides of a difference alike. The networks may take different inputs (a block and a
    /// whole network). `reference` is compiled once; each pair runs
    /// `settings.warmup` untimed and `settings.repeats` timed calls of both networks.
    ///
    /// Measured before this (docs/performance.md): one correction of `fbnet(width: 0.35)` after
    /// another in one process, with the reference measured before and after each position's
    /// replacements, predicted the same networks up to 18% apart.
    public func measurePairs(reference: NetworkSpec, others: [NetworkSpec], batch: Int, settings: MeasurementSettings,
                             cancel: CancellationToken) throws -> [MeasuredPair] {
        try checkMeasurable(reference, batch: batch, settings: settings)
        for spec in others { try checkMeasurable(spec, batch: batch, settings: settings) }
        let base = try compiledPlan(reference, batch: batch)
        return try others.map { spec in
            let plan = try compiledPlan(spec, batch: batch)
            let (a, b) = try onThreads { try Self.interleaved(base, plan, settings: settings, cancel: cancel) }
            return MeasuredPair(reference: LatencyMeasurement(samples: a, peakMemoryBytes: Self.peakBytes(base, reference)),
                                other: LatencyMeasurement(samples: b, peakMemoryBytes: Self.peakBytes(plan, spec)), turn: Self.callsPerTurn)
        }
    }

    /// `others + 1`: the reference is compiled once and runs beside each of the others.
    public func pairMeasurementCount(others: Int) -> Int { others + 1 }

    /// Timed calls per turn of a pair: each turn starts with one untimed call (the other
    /// network's calls have pushed this one's weights out of the caches), then this many timed ones.
    static let callsPerTurn = 3

    /// The timed calls of two plans, in turns of `callsPerTurn` calls each (the order alternating
    /// from round to round), until each has `settings.repeats`.
    private static func interleaved(_ first: InferencePlan, _ second: InferencePlan,
                                    settings: MeasurementSettings, cancel: CancellationToken) throws -> ([Double], [Double]) {
        let firstInput = Tensor(zeros: first.inputDims), secondInput = Tensor(zeros: second.inputDims)
        for _ in 0..<settings.warmup {
            try cancel.check()
            _ = try first(firstInput)
            _ = try second(secondInput)
        }
        var a: [Double] = [], b: [Double] = []
        func turn(_ plan: InferencePlan, into samples: inout [Double]) throws {
            let input = plan === first ? firstInput : secondInput
            try cancel.check()
            _ = try plan(input)
            for _ in 0..<min(callsPerTurn, settings.repeats - samples.count) {
                try cancel.check()
                samples.append(try timedCall(plan, input))
            }
        }
        var round = 0
        while a.count < settings.repeats {
            if round % 2 == 0 {
                try turn(first, into: &a)
                try turn(second, into: &b)
            } else {
                try turn(second, into: &b)
                try turn(first, into: &a)
            }
            round += 1
        }
        return (a, b)
    }

    /// Seconds one call of `plan` takes.
    private static func timedCall(_ plan: InferencePlan, _ input: Tensor) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try plan(input)
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The plan's buffers and the network's weights, in bytes.
    private static func peakBytes(_ plan: InferencePlan, _ spec: NetworkSpec) -> Int {
        plan.arenaBytes + spec.cost.params * MemoryLayout<Float>.size
    }

    /// Runs `work` at this device's thread count.
    private func onThreads<T>(_ work: () throws -> T) rethrows -> T {
        let previous = ComputeThreads.current
        ComputeThreads.apply(threads)
        defer { ComputeThreads.apply(previous) }
        return try work()
    }

    /// The network with seeded weights, compiled for `batch` inputs at this device's setting.
    func compiledPlan(_ spec: NetworkSpec, batch: Int) throws -> InferencePlan {
        let model = try Model(spec: spec, seed: 0).inferenceModel()
        if batch == 1 { model.batchOneSetting = (threads: threads, lanes: 1, winograd: false) }
        return try onThreads { try model.plan(batch: batch) }
    }
}
