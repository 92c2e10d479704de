import NASSpaces

/// Hyperband (Li et al., JMLR 2018): successive halving over every bracket of the epoch ladder, in turn.
///
/// Brackets run from the most aggressive (many architectures at few epochs) to plain full
/// training of a few, then repeat; new architectures are uniform random samples.
public final class Hyperband: RandomBracketSearch {
    /// Creates the strategy over the evaluator's epochs.
    public init(space: any SearchSpace, maxEpochs: Int, eta: Int = 3, minEpochs: Int = 1, seed: UInt64) throws {
        try super.init(name: "hyperband", space: space, maxEpochs: maxEpochs, eta: eta, minEpochs: minEpochs, seed: seed) {
            Array(stride(from: $0.maxBracket, through: 0, by: -1))
        }
    }
}
