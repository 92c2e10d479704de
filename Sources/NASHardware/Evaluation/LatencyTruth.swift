import NASBenchmarks
import NASCore
import NASSpaces

/// Measured latencies from any evaluator that reports `latency` (a `measure(...)` evaluator, a
/// shipped or loaded latency table): the truth predictors are fitted on and judged against.
public struct LatencyTruth: Sendable {
    /// The architectures with their latency in seconds, in the order asked.
    public let measured: [(architecture: Architecture, seconds: Double)]
    /// The mean coefficient of variation of the measurements, when the evaluator reports `noise_cv`.
    public let noiseCV: Double?

    /// Asks `evaluator` for the latency of every architecture (its `metric`: `latency`, or a measurement's
    /// `latency_p10`, steadier on a loaded machine); one without it is an error that names it.
    ///
    /// With `passes` above 1 the set is measured pass after pass and each architecture keeps the
    /// median of its passes: a measurement taken while the machine ran slower for a minute is outvoted
    /// by the others, where repeating the calls within one measurement cannot reach it.
    public init(_ architectures: [Architecture], in space: any SearchSpace, from evaluator: any Evaluator,
                metric: String = "latency", passes: Int = 1, cancel: CancellationToken = CancellationToken()) throws {
        guard passes >= 1 else { throw HardwareError("passes must be at least 1, got \(passes)") }
        var seconds = Array(repeating: [Double](), count: architectures.count)
        var noise: [Double] = []
        for _ in 0..<passes {
            for (i, a) in architectures.enumerated() {
                try cancel.check()
                let result = try evaluator.evaluate(a, in: space, fidelity: .full, seed: 0, cancel: cancel)
                guard let value = result.value(of: metric), value > 0, value.isFinite else {
                    let why = result.error.map { ": \($0)" } ?? " (it reports no positive \(metric))"
                    throw HardwareError("\(evaluator.descriptor) gives no latency for \(space.canonical(a))\(why)")
                }
                seconds[i].append(value)
                if let cv = result.value(of: "noise_cv") { noise.append(cv) }
            }
        }
        measured = zip(architectures, seconds).map { ($0, LatencyMeasurement(samples: $1).median) }
        noiseCV = noise.isEmpty ? nil : noise.reduce(0, +) / Double(noise.count)
    }

    /// Every architecture of a latency table with its latency (keys parsed by `space`), in table order.
    public init(table: LatencyTable, in space: any SearchSpace) throws {
        let rows = table.table().rows
        measured = try rows.map { row in
            guard case .string(let key) = row[0], case .number(let seconds) = row[1] else {
                throw HardwareError("the latency table \(table.name) has a malformed row")
            }
            return (try space.parse(key), seconds.value)
        }
        noiseCV = nil
    }

    /// How well `predictor` predicts these measurements.
    public func assess(_ predictor: any LatencyPredictor, in space: any SearchSpace) throws -> PredictionReport {
        try PredictionReport(predictor, on: measured, in: space)
    }
}
