import Foundation
import NASCore
import NASSpaces
import NASTensor
import NASTraining

/// SNAS: stochastic neural architecture search (Xie, Zheng, Liu & Lin, ICLR 2019).
///
/// Every edge mixes all its operations with a relaxed one-hot sample from the concrete (Gumbel-softmax)
/// distribution, `softmax((α + g) / τ)`, drawn afresh for each batch; the weights and α are updated
/// together from the same loss on the same batch, as in the paper. τ starts at `tau` and is
/// multiplied by `anneal` after each epoch.
public final class SNAS: RelaxedSearch {
    /// The first epoch's temperature and its factor per epoch.
    let initialTau: Double, anneal: Double

    /// An SNAS search on `space` with the data and recipe of `evaluator`.
    public init(space: any SearchSpace, evaluator: (any Evaluator)?, seed: UInt64, tau: Double = SNAS.entry.number("tau"),
                anneal: Double = SNAS.entry.number("anneal"), architectureRate: Double = SNAS.entry.number("arch_lr"),
                architectureDecay: Double = SNAS.entry.number("arch_weight_decay")) throws {
        (initialTau, self.anneal) = (tau, anneal)
        try super.init(name: "snas", space: space, evaluator: evaluator, seed: seed, architectureRate: architectureRate,
                       architectureDecay: architectureDecay, settings: ["tau": "\(tau)", "anneal": "\(anneal)"])
    }

    /// The temperature of the current epoch.
    var tau: Double { initialTau * Foundation.pow(anneal, Double(epoch)) }

    override func step(_ batch: (x: Tensor, labels: [Int]), search: (x: Tensor, labels: [Int]), lr: Double,
                       rng: inout SeededRandom) throws -> Double {
        let t = tau
        let relaxed = alpha.logits.map { logits in ArchitectureWeights.softmax(logits.map { ($0 + RelaxedSearch.gumbel(&rng)) / t }) }
        let leaves = ArchitectureWeights.leaves(relaxed)
        let loss = try lossAndBackward(batch, gates: DARTS.mixing(relaxed, leaves: leaves), rng: &rng)
        stepWeights(lr: lr)
        let dWeights = RelaxedSearch.weightGradients(leaves)
        updateAlpha(zip(relaxed, dWeights).map { p, d in ArchitectureWeights.softmaxBackward(p, d).map { $0 / t } })
        return loss
    }

    override func architectureMetrics() -> [String: Double] { super.architectureMetrics().merging(["tau": tau]) { a, _ in a } }
}

extension SNAS {
    /// The registry's entry: `snas()`.
    public static let entry = StrategyEntry(
        "snas", summary: "concrete (Gumbel-softmax) relaxation, weights and α trained on one loss",
        help: "SNAS mixes every operation of an edge with a relaxed one-hot sample softmax((α + g)/τ), drawn afresh for each "
            + "batch, and updates the weights and α together from the same training loss. The temperature starts at tau and "
            + "is multiplied by anneal after each epoch. Each epoch is one trial: the cell derived from softmax(α).",
        paper: "Xie, Zheng, Liu & Lin, SNAS: Stochastic Neural Architecture Search, ICLR 2019",
        parameters: [
            StrategyParameter("tau", 1, integer: false, minimum: 1e-3, help: "the temperature of the first epoch"),
            StrategyParameter("anneal", 0.97, integer: false, minimum: 1e-3, maximum: 1, help: "the temperature's factor per epoch"),
            StrategyParameter("arch_lr", 3e-4, integer: false, minimum: 0, maximum: 1, help: "Adam's learning rate for α"),
            StrategyParameter("arch_weight_decay", 1e-3, integer: false, minimum: 0, maximum: 1, help: "weight decay on α"),
        ], isOneShot: true) { c in
        try SNAS(space: c.space, evaluator: c.evaluator, seed: c.seed, tau: c.double("tau"), anneal: c.double("anneal"),
                 architectureRate: c.double("arch_lr"), architectureDecay: c.double("arch_weight_decay"))
    }
}
