import NASCore
import NASSpaces

/// Picks the richest encoding a space offers for predictors: the path encoding, else one-hot.
enum EncodingChoice {
    /// `.path` when the space encodes a sample with it, `.onehot` otherwise.
    static func best(for space: any SearchSpace) -> ArchitectureEncoding {
        var rng = SeededRandom(seed: 0)
        let probe = space.sample(using: &rng)
        return (try? space.encode(probe, as: .path)) != nil ? .path : .onehot
    }
}
