import Foundation
import NASBenchmarks
import NASCore
import NASSpaces

/// Latency on a new device from a handful of measurements, with known devices as prior knowledge
/// (the setting of HELP, Lee et al., NeurIPS 2021).
///
/// Method: a low-rank model of the device matrix rather than HELP's meta-learned network. Across
/// the prior devices, log-latency of the NB201 cells is close to rank 4 (`DeviceLatencyPrior`:
/// each cell's coordinates on the leading principal directions of the centred device columns).
/// The new device is measured on the prior's reference cells — picked once, from the prior alone,
/// to spread over those coordinates — and its log-latency is fitted as an affine function of the
/// leading `rank` coordinates (at most 5 coefficients from 10 measurements, a light ridge penalty
/// `lambda` for safety). The rank is the device's own: the one (1 to the prior's) whose fit
/// predicts each reference best from the other nine (leave-one-out), so a device that resembles
/// few of the prior's components is not fitted to noise in the others, using only its own 10
/// measurements. Every other cell's latency is then exp(intercept + w·embedding). Deterministic:
/// no seed; the cells to measure are the prior's `references`.
///
/// Why it works: devices differ mostly in how much each kind of work (convolution arithmetic,
/// memory-bound pooling and skips, kernel overheads) costs them; a cell's latency profile is a
/// mix of a few such components, so a new device is a new mix of the same components, and a few
/// well-spread cells pin the mix down.
public struct FewShotDevicePredictor: LatencyPredictor {
    /// The prior knowledge: embeddings and reference cells.
    public let prior: DeviceLatencyPrior
    /// The fit of the new device's log-latency on the embedding.
    public let fit: LinearLeastSquares
    /// A name for the new device (for the descriptor).
    public let device: String
    /// The leading embedding coordinates the fit uses, chosen by leave-one-out error on the references.
    public let rank: Int

    /// Fits the new device from its latencies (seconds) on the prior's reference rows, in their order.
    public init(prior: DeviceLatencyPrior, referenceSeconds: [Double], device: String, lambda: Double = 1e-3) throws {
        guard referenceSeconds.count == prior.references.count else {
            throw HardwareError("the few-shot predictor needs the latency of each of the prior's \(prior.references.count) reference cells, got \(referenceSeconds.count)")
        }
        guard referenceSeconds.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw HardwareError("measured latencies must be positive")
        }
        let rows = prior.references.map { prior.embedding[$0] }
        let targets = referenceSeconds.map { log($0) }
        let rank = try Self.leaveOneOutRank(rows, targets, lambda: lambda)
        self.prior = prior
        self.device = device
        self.rank = rank
        self.fit = try LinearLeastSquares(features: rows.map { Array($0.prefix(rank)) }, targets: targets, lambda: lambda)
    }

    /// The number of leading coordinates whose fit has the least squared error on each row when fitted on the others.
    static func leaveOneOutRank(_ rows: [[Double]], _ targets: [Double], lambda: Double) throws -> Int {
        var best = (rank: rows[0].count, error: Double.infinity)
        for rank in 1...rows[0].count {
            var error = 0.0
            for left in rows.indices {
                let others = rows.indices.filter { $0 != left }
                let fit = try LinearLeastSquares(features: others.map { Array(rows[$0].prefix(rank)) },
                                                 targets: others.map { targets[$0] }, lambda: lambda)
                error += pow(fit.predict(Array(rows[left].prefix(rank))) - targets[left], 2)
            }
            if error < best.error { best = (rank, error) }
        }
        return best.rank
    }

    /// Measures the prior's reference cells with `evaluator` (any evaluator that reports `latency`) and fits.
    public init(prior: DeviceLatencyPrior, measuring evaluator: any Evaluator, in space: NB201Space = NB201Space(),
                metric: String = "latency", cancel: CancellationToken = CancellationToken()) throws {
        let cells = try prior.references.map { try space.architecture(atIndex: $0) }
        let truth = try LatencyTruth(cells, in: space, from: evaluator, metric: metric, cancel: cancel)
        try self.init(prior: prior, referenceSeconds: truth.measured.map(\.seconds), device: evaluator.descriptor)
    }

    /// Fits a new device measured by `evaluator` (a `measure(...)` evaluator, a latency table)
    /// from `samples` NB201 cells, with the shipped NB201 devices as the prior.
    ///
    /// A shipped NB201 table as the new device is left out of its own prior (with `excluding`,
    /// any other devices, such as its batch siblings, are left out too).
    public static func nb201(measuring evaluator: any Evaluator, samples: Int = 10, excluding: Set<String> = [],
                             cancel: CancellationToken = CancellationToken()) throws -> FewShotDevicePredictor {
        var excluded = excluding
        if let table = (evaluator as? LatencyEvaluator)?.table, table.name == "nb201/\(table.device)" {
            excluded.insert(table.device)
        }
        let prior = try DeviceLatencyPrior.nb201(excluding: excluded, references: samples)
        return try FewShotDevicePredictor(prior: prior, measuring: evaluator, cancel: cancel)
    }

    public var descriptor: String { "few-shot(\(prior.space), \(prior.references.count) samples, rank \(rank), \(device))" }
    public var supportedSpaces: Set<String> { [prior.space] }

    /// The predicted latency of every row of the prior (for NB201: by official index), in seconds.
    public func predictedRows() -> [Double] {
        prior.embedding.map { exp(fit.predict(Array($0.prefix(rank)))) }
    }

    /// The predicted latency of an NB201 cell, in seconds.
    public func predict(_ architecture: Architecture, in space: any SearchSpace) throws -> Double {
        try PredictorSpace.check(architecture, space, against: prior.space, predictor: descriptor)
        guard let nb201 = space as? NB201Space else {
            throw HardwareError("the few-shot predictor predicts NB201 cells")
        }
        try nb201.validate(architecture)
        return exp(fit.predict(Array(prior.embedding[nb201.index(of: architecture)].prefix(rank))))
    }
}
