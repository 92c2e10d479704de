import NASCore
import NASSpaces

/// How alike two evaluators rank the same architectures: Kendall τ-b and Spearman ρ of their scores.
///
/// Each architecture is evaluated by both evaluators through `EvaluatorCatalogue.evaluate`, the path
/// `evaluate(…)` takes, at each evaluator's own fidelity and with one seed; the scores are one metric
/// of each (the same or not: a zero-cost score against a table's accuracy). This is how a cheaper
/// evaluator — fewer epochs, a proxy, a supernet's shared weights — is judged against the one it stands
/// in for. Ties are handled as SciPy does (`RankCorrelation`).
public struct EvaluatorCorrelation: Sendable {
    /// One architecture's score from each evaluator, in base units.
    public struct Pair: Sendable {
        /// The architecture.
        public var architecture: Architecture
        /// The first evaluator's score.
        public var first: Double
        /// The second evaluator's score.
        public var second: Double
    }

    /// Every architecture with its two scores, in the order given.
    public let pairs: [Pair]
    /// Kendall's τ-b of the two scores.
    public let kendall: Double
    /// Spearman's ρ of the two scores.
    public let spearman: Double

    /// The number of architectures.
    public var count: Int { pairs.count }

    /// Evaluates every architecture with both evaluators and correlates `metrics.first` of the first
    /// with `metrics.second` of the second. Throws `CorrelationError` naming the evaluator and the
    /// architecture when an evaluation fails, and `CancellationError` when `cancel` is set.
    public static func measure(_ first: any Evaluator, _ second: any Evaluator, over architectures: [Architecture],
                               in space: any SearchSpace, metrics: (first: String, second: String), seed: UInt64 = 0,
                               cancel: CancellationToken = CancellationToken()) throws -> EvaluatorCorrelation {
        try check(architectures, in: space)
        var pairs: [Pair] = []
        pairs.reserveCapacity(architectures.count)
        for architecture in architectures {
            try cancel.check()
            let a = try Score(first, metric: metrics.first, role: .first).of(architecture, in: space, seed: seed, cancel: cancel)
            let b = try Score(second, metric: metrics.second, role: .second).of(architecture, in: space, seed: seed, cancel: cancel)
            pairs.append(Pair(architecture: architecture, first: a, second: b))
        }
        return try EvaluatorCorrelation(pairs: pairs, metrics: metrics)
    }

    /// Correlates scores already paired; throws when either side gives every architecture the same score.
    init(pairs: [Pair], metrics: (first: String, second: String)) throws {
        let x = pairs.map(\.first), y = pairs.map(\.second)
        for (values, role, metric) in [(x, Score.Role.first, metrics.first), (y, .second, metrics.second)] where Set(values).count < 2 {
            throw role.error("τ and ρ are undefined: the \(role) evaluator gives all \(values.count) architectures "
                + "the same \(metric) (\(values.first.map { MetricCatalogue.quantity(metric, $0).description } ?? ""))")
        }
        self.pairs = pairs
        kendall = RankCorrelation.kendallTauB(x, y) ?? .nan
        spearman = RankCorrelation.spearman(x, y) ?? .nan
    }

    /// At least two architectures, all of `space`.
    private static func check(_ architectures: [Architecture], in space: any SearchSpace) throws {
        guard architectures.count >= 2 else {
            throw CorrelationError.architectures("a rank correlation needs at least two architectures, got \(architectures.count)")
        }
        if let other = architectures.first(where: { $0.space != space.name }) {
            throw CorrelationError.architectures("all architectures must be of one space: \(space.canonical(architectures[0])) is \(space.name), "
                + "but another is \(other.space)")
        }
    }
}
