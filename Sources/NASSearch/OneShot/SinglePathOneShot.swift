import Foundation
import NASCore
import NASSpaces
import NASTensor
import NASTraining

/// Single-path one-shot (Guo et al., ECCV 2020; Li & Talwalkar's random search with weight sharing): uniform path sampling.
///
/// Each batch trains the paths of one architecture drawn uniformly from the space (from the
/// supernet's slice where it holds one: `SupernetSpace.sampleInSupernet`), so every
/// architecture's weights are trained equally often. There is no architecture parameter: the
/// trained supernet is then an evaluator (`supernet(run)`) that any strategy searches with.
/// Each epoch's trial is an architecture drawn at random, scored by the supernet, to follow training.
public final class SinglePathOneShot: OneShotSearch {
    /// A uniform-sampling supernet training on `space` with the data and recipe of `evaluator`.
    public init(space: any SearchSpace, evaluator: (any Evaluator)?, seed: UInt64) throws {
        try super.init(name: "spos", space: space, evaluator: evaluator, seed: seed, settings: [:])
    }

    override func step(_ batch: (x: Tensor, labels: [Int]), search: (x: Tensor, labels: [Int]), lr: Double,
                       rng: inout SeededRandom) throws -> Double {
        let architecture = supernet.space.sampleInSupernet(using: &rng)
        let loss = try lossAndBackward(batch, gates: try supernet.gates(for: architecture), rng: &rng)
        stepWeights(lr: lr)
        return loss
    }

    override func derive() throws -> Architecture {
        var rng = epochRandom()
        return supernet.space.sampleInSupernet(using: &rng)
    }
}

extension SinglePathOneShot {
    /// The registry's entry: `spos()`.
    public static let entry = StrategyEntry(
        "spos", aliases: ["single_path"], summary: "single-path one-shot: a supernet trained on uniformly sampled paths",
        help: "Trains a weight-sharing supernet one uniformly drawn architecture per batch, so that every architecture's weights "
            + "are trained equally often. It has no architecture parameters: once trained, `supernet(run)` is an evaluator "
            + "that evolution, random search or any other strategy searches with (each architecture scored with the "
            + "inherited weights after batch-norm recalibration). Each epoch is one trial: a random architecture, scored "
            + "by the supernet.",
        paper: "Guo et al., Single Path One-Shot Neural Architecture Search with Uniform Sampling, ECCV 2020",
        parameters: [], isOneShot: true) { c in
        try SinglePathOneShot(space: c.space, evaluator: c.evaluator, seed: c.seed)
    }
}
