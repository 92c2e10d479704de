import Foundation
import NASCore
import NASSpaces

/// A device: something that runs a network and answers only how long it took.
///
/// Everything hardware-aware in naslab (latency tables, their correction, predictors, search-space
/// profiling) talks to a device through this one question, so the device and its compiler stay a
/// black box, as in Zeng et al. (ASP-DAC 2020). naslab's own engine at one or two threads is a
/// device (`EngineDevice`); onnxruntime in a helper process is another (`OnnxRuntimeDevice`).
public protocol Device: Sendable {
    /// A short name that identifies the device and its settings (`naslab-cpu/1t`).
    var name: String { get }
    /// The number of compute threads it runs with.
    var threads: Int { get }
    /// The software that compiles and runs the networks, with its version, as latency tables record it.
    var engineVersion: String { get }

    /// Runs `spec` on `batch` inputs as `settings` say and reports the latency of one call.
    func measure(_ spec: NetworkSpec, batch: Int, settings: MeasurementSettings,
                 cancel: CancellationToken) throws -> LatencyMeasurement

    /// Measures each of `others` beside `reference`, for the differences a latency table's
    /// correction takes: one pair per other network, in order.
    ///
    /// The default measures `reference`, then each other network, then `reference` again, and
    /// pairs each with both reference measurements' calls, so that a steady drift cancels. A
    /// device that can interleave the calls does better (`EngineDevice`).
    func measurePairs(reference: NetworkSpec, others: [NetworkSpec], batch: Int, settings: MeasurementSettings,
                      cancel: CancellationToken) throws -> [MeasuredPair]

    /// The whole-network measurements `measurePairs` makes for `others` networks (at least one).
    func pairMeasurementCount(others: Int) -> Int
}

extension Device {
    /// naslab's own version: the engine is naslab's.
    public var engineVersion: String { NaslabVersion.number }

    /// `others + 2`: the reference before and after the others.
    public func pairMeasurementCount(others: Int) -> Int { others + 2 }

    /// `reference` measured before and after `others`, each paired with both of its measurements' calls.
    public func measurePairs(reference: NetworkSpec, others: [NetworkSpec], batch: Int, settings: MeasurementSettings,
                             cancel: CancellationToken) throws -> [MeasuredPair] {
        let before = try measure(reference, batch: batch, settings: settings, cancel: cancel)
        let measured = try others.map { try measure($0, batch: batch, settings: settings, cancel: cancel) }
        let after = try measure(reference, batch: batch, settings: settings, cancel: cancel)
        let around = LatencyMeasurement(samples: before.samples + after.samples, peakMemoryBytes: before.peakMemoryBytes)
        return measured.map { MeasuredPair(reference: around, other: $0) }
    }

    /// Throws, before anything is compiled or allocated, when the settings are invalid, the batch is not positive
    /// or the network would not fit in memory (`checkFitsInMemory`): what every device checks first.
    public func checkMeasurable(_ spec: NetworkSpec, batch: Int, settings: MeasurementSettings) throws {
        try settings.validate()
        guard batch >= 1 else { throw HardwareError("batch must be at least 1, got \(batch)") }
        try checkFitsInMemory(spec, batch: batch)
    }

    /// Throws, before anything is allocated, when the cost model's estimate of the inference (live
    /// activations at `batch` and the weights) exceeds half of this machine's memory.
    public func checkFitsInMemory(_ spec: NetworkSpec, batch: Int) throws {
        let cost = spec.cost
        let (activations, overflow) = cost.peakActivationBytes.multipliedReportingOverflow(by: batch)
        let needed = overflow ? Int.max : activations.addingReportingOverflow(cost.params * MemoryLayout<Float>.size).partialValue
        let limit = Int(clamping: ProcessInfo.processInfo.physicalMemory / 2)
        guard needed <= limit else {
            throw HardwareError("the network needs about \(Self.gigabytes(needed)) GB at batch \(batch) (activations and weights), "
                + "more than half of this machine's \(Self.gigabytes(limit * 2)) GB; measure a smaller input or batch")
        }
    }

    private static func gigabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1e9) }
}
