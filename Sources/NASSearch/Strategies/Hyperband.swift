import NASSpaces

/// Hyperband (Li et al., JMLR 2018): successive halving over every bracket of the epoch ladder, in turn.
///
/// Brackets run from the most aggressive (many architectures at few epochs) to plain full
/// training of a few, then repeat; new architectures are uniform random samples.
public final class Hyperband: RandomBracketSearch {
    /// Creates the strategy over the evaluator's epochs.
    public init(space: any SearchSpace, maxEpochs: Int, eta: Int = Hyperband.entry.integer("eta"),
                minEpochs: Int = Hyperband.entry.integer("min_epochs"), seed: UInt64) throws {
        try super.init(name: "hyperband", space: space, maxEpochs: maxEpochs, eta: eta, minEpochs: minEpochs, seed: seed) {
            Array(stride(from: $0.maxBracket, through: 0, by: -1))
        }
    }
}

extension Hyperband {
    /// The registry's entry.
    public static let entry = StrategyEntry(
        "hyperband", aliases: ["hb"], summary: "Hyperband: successive halving over every bracket",
        help: "Runs successive halving in every bracket of the epoch ladder in turn, from the most aggressive (many architectures at few epochs) to plain full training of a few, then repeats; new architectures are random samples.",
        paper: "Li et al., Hyperband: A Novel Bandit-Based Approach to Hyperparameter Optimization, JMLR 2018",
        parameters: BudgetLadder.parameters) { c in
        try Hyperband(space: c.space, maxEpochs: c.topEpochs(), eta: c.int("eta"), minEpochs: c.int("min_epochs"), seed: c.seed)
    }
}
