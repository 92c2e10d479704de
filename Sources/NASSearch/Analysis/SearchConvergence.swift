import NASSpaces

/// What independent searches converged to: how often each option was chosen at each decision,
/// and how alike the architectures they ended with are.
///
/// Give it the architecture each run chose (one per seed, say). Every decision of the space counts,
/// including those an architecture leaves unused (a composed space's layers beyond its depth).
/// `similarity` is the mean, over all pairs of architectures, of the fraction of decisions on which
/// the two agree; it is computed from the option counts (for decision k, Σ_o C(c_ko, 2) of the
/// C(n, 2) pairs agree), so it costs O(n·d) rather than O(n²·d).
public struct SearchConvergence: Sendable {
    /// How often one option of one decision was chosen.
    public struct OptionCount: Sendable, Equatable {
        /// The decision's name, such as `edge_1_0`.
        public var decision: String
        /// The option's label, such as `nor_conv_3x3`.
        public var option: String
        /// How many architectures chose it.
        public var count: Int
        /// `count` over the number of architectures: the options of a decision sum to 1.
        public var frequency: Double
    }

    /// The number of architectures.
    public let count: Int
    /// Every option of every decision, in token order, chosen or not.
    public let frequencies: [OptionCount]
    /// The number of different architectures (by canonical form).
    public let distinct: Int
    /// The number of different architectures up to the space's equivalence (`identity`: NB201's isomorphic cells are one).
    public let distinctIdentities: Int
    /// The mean pairwise fraction of equal decisions, in [0, 1]; nil for fewer than two architectures.
    public let similarity: Double?

    /// Counts the choices of `architectures`, all members of `space` (at least one).
    public init(_ architectures: [Architecture], in space: any SearchSpace) {
        precondition(!architectures.isEmpty, "convergence needs at least one architecture")
        let decisions = space.decisions
        let counts = Self.optionCounts(architectures, decisions)
        let n = architectures.count
        count = n
        frequencies = zip(decisions, counts).flatMap { decision, perOption in
            zip(decision.options, perOption).map { OptionCount(decision: decision.name, option: $0, count: $1, frequency: Double($1) / Double(n)) }
        }
        distinct = Set(architectures.map { space.canonical($0) }).count
        distinctIdentities = Set(architectures.map { space.identity($0) }).count
        similarity = Self.meanAgreement(counts, architectures: n)
    }

    /// For each decision, how many architectures chose each option.
    private static func optionCounts(_ architectures: [Architecture], _ decisions: [Decision]) -> [[Int]] {
        var counts = decisions.map { [Int](repeating: 0, count: $0.count) }
        for architecture in architectures {
            for (k, token) in architecture.tokens.enumerated() where k < counts.count && counts[k].indices.contains(token) {
                counts[k][token] += 1
            }
        }
        return counts
    }

    /// The mean over pairs of architectures of the fraction of decisions they agree on.
    private static func meanAgreement(_ counts: [[Int]], architectures n: Int) -> Double? {
        guard n >= 2, !counts.isEmpty else { return nil }
        let pairs = Double(n * (n - 1) / 2)
        let agreeing = counts.map { perOption in Double(perOption.reduce(0) { $0 + $1 * ($1 - 1) / 2 }) / pairs }
        return agreeing.reduce(0, +) / Double(counts.count)
    }
}
