import NASCore

/// Anything that answers "what are the metrics of this architecture at this fidelity?".
///
/// Training on real data, a tabular benchmark, a latency table, a predictor, a zero-cost proxy
/// and a one-shot supernet are all evaluators, so strategies and the engine never care which.
public protocol Evaluator: Sendable {
    /// A stable description of the evaluator and its settings; part of the result cache key.
    var descriptor: String { get }
    /// The names of the spaces it can evaluate (empty: any).
    var supportedSpaces: Set<String> { get }
    /// The largest fidelity it offers (for successive halving and Hyperband), if it has epochs.
    var maxEpochs: Int? { get }

    /// Evaluates one architecture; failures that belong to the trial (NaN loss) come back as a
    /// failed result, errors that belong to the caller (wrong space) are thrown.
    func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity,
                  seed: UInt64, cancel: CancellationToken) throws -> TrialResult

    /// Every result at `fidelity` for architectures of `space` as one table, when lookups there are a
    /// fixed table (nil otherwise, the default). For an architecture the table has a row for,
    /// `evaluate` with any seed must return exactly that row; for any other, the caller evaluates.
    func resultTable(for space: any SearchSpace, fidelity: Fidelity) -> ResultTable?

    /// Whether each architecture has its own recorded result (a table row), so that equivalent
    /// architectures — the same computation written differently — may have different results, as
    /// NAS-Bench-201's separately trained equivalent cells do. A store then caches such results by
    /// the exact architecture and never hands one architecture another's row. False (the default)
    /// for evaluators that compute a result from the network itself, which equivalent architectures
    /// may share.
    var recordsEachArchitecture: Bool { get }

    /// The only epoch counts it has results for (a tabular benchmark's, NAS-Bench-201: 12 and 200), or nil
    /// when it can evaluate at any. A multi-fidelity search answers each rung at the nearest of them.
    var availableEpochs: [Int]? { get }

    /// Whether a trial's `simulatedSeconds` is its cost (a table's recorded training time), so that a run's
    /// time budget means simulated seconds rather than real ones.
    var chargesSimulatedTime: Bool { get }
}

extension Evaluator {
    /// No table: results are computed per call.
    public func resultTable(for space: any SearchSpace, fidelity: Fidelity) -> ResultTable? { nil }

    /// Results are computed from the network: equivalent architectures may share them.
    public var recordsEachArchitecture: Bool { false }

    /// Any epoch count.
    public var availableEpochs: [Int]? { nil }

    /// Real time is the cost.
    public var chargesSimulatedTime: Bool { false }
}
