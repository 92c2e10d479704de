import NASSpaces

/// Successive halving (Jamieson & Talwalkar 2016): Hyperband's most aggressive bracket, repeated.
///
/// Each round trains `n` random architectures at the fewest epochs, keeps the best `1/η` at
/// `η` times the epochs, and so on up to `maxEpochs`. Proposals carry `Fidelity(epochs:)`.
public final class SuccessiveHalving: RandomBracketSearch {
    /// Creates the strategy over the evaluator's epochs.
    public init(space: any SearchSpace, maxEpochs: Int, eta: Int = 3, minEpochs: Int = 1, seed: UInt64) throws {
        try super.init(name: "successive_halving", space: space, maxEpochs: maxEpochs, eta: eta, minEpochs: minEpochs,
                       seed: seed) { [$0.maxBracket] }
    }
}
