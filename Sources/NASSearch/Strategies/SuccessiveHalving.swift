import NASSpaces

/// Successive halving (Jamieson & Talwalkar 2016): Hyperband's most aggressive bracket, repeated.
///
/// Each round trains `n` random architectures at the fewest epochs, keeps the best `1/η` at
/// `η` times the epochs, and so on up to `maxEpochs`. Proposals carry `Fidelity(epochs:)`.
public final class SuccessiveHalving: RandomBracketSearch {
    /// Creates the strategy over the evaluator's epochs.
    public init(space: any SearchSpace, maxEpochs: Int, eta: Int = SuccessiveHalving.entry.integer("eta"),
                minEpochs: Int = SuccessiveHalving.entry.integer("min_epochs"), seed: UInt64) throws {
        try super.init(name: "successive_halving", space: space, maxEpochs: maxEpochs, eta: eta, minEpochs: minEpochs,
                       seed: seed) { [$0.maxBracket] }
    }
}

extension SuccessiveHalving {
    /// The registry's entry.
    public static let entry = StrategyEntry(
        "successive_halving", aliases: ["sh"], summary: "successive halving over epochs",
        help: "Each round trains many random architectures for few epochs, keeps the best 1/eta and trains them eta times longer, and so on up to max_epochs; then starts a new round. Trials carry their epochs (the trials table's epochs column).",
        paper: "Jamieson & Talwalkar, Non-stochastic Best Arm Identification and Hyperparameter Optimization, AISTATS 2016",
        parameters: BudgetLadder.parameters) { c in
        try SuccessiveHalving(space: c.space, maxEpochs: c.topEpochs(), eta: c.int("eta"), minEpochs: c.int("min_epochs"), seed: c.seed)
    }
}
