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
    public init(_ architectures: [Architecture], in space: any SearchSpace, from evaluator: any Evaluator,
                metric: String = "latency", cancel: CancellationToken = CancellationToken()) throws {
        var measured: [(architecture: Architecture, seconds: Double)] = []
        var noise: [Double] = []
        for a in architectures {
            try cancel.check()
            let result = try evaluator.evaluate(a, in: space, fidelity: .full, seed: 0, cancel: cancel)
            guard let seconds = result.value(of: metric), seconds > 0, seconds.isFinite else {
                let why = result.error.map { ": \($0)" } ?? " (it reports no positive \(metric))"
                throw HardwareError("\(evaluator.descriptor) gives no latency for \(space.canonical(a))\(why)")
            }
            measured.append((a, seconds))
            if let cv = result.value(of: "noise_cv") { noise.append(cv) }
        }
        self.measured = measured
        self.noiseCV = noise.isEmpty ? nil : noise.reduce(0, +) / Double(noise.count)
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
