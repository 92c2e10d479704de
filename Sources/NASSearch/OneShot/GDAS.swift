import Foundation
import NASCore
import NASSpaces
import NASTensor
import NASTraining

/// GDAS: searching for a robust neural architecture in four GPU hours (Dong & Yang, CVPR 2019).
///
/// Each forward pass draws one operation per edge, `argmax(softmax((α + g) / τ))` with Gumbel noise
/// `g`, and runs only it (one path per edge in memory), with the hard one-hot weight in the forward
/// pass and the gradient of the relaxed softmax in the backward pass (straight-through). The weights
/// step on their half of the data, α on the other, each with its own draw; τ falls linearly from
/// `tau_max` to `tau_min` over the epochs.
public final class GDAS: RelaxedSearch {
    /// The temperature's range.
    let tauMax: Double, tauMin: Double
    /// The temperature of the current epoch.
    private(set) var tau: Double

    /// A GDAS search on `space` with the data and recipe of `evaluator`.
    public init(space: any SearchSpace, evaluator: (any Evaluator)?, seed: UInt64, tauMax: Double = GDAS.entry.number("tau_max"),
                tauMin: Double = GDAS.entry.number("tau_min"), architectureRate: Double = GDAS.entry.number("arch_lr"),
                architectureDecay: Double = GDAS.entry.number("arch_weight_decay")) throws {
        (self.tauMax, self.tauMin, tau) = (tauMax, tauMin, tauMax)
        try super.init(name: "gdas", space: space, evaluator: evaluator, seed: seed, architectureRate: architectureRate,
                       architectureDecay: architectureDecay, settings: ["tau_max": "\(tauMax)", "tau_min": "\(tauMin)"])
    }

    override func beginEpoch() {
        tau = tauMax - (tauMax - tauMin) * Double(epoch) / Double(max(epochs - 1, 1))
    }

    override func step(_ batch: (x: Tensor, labels: [Int]), search: (x: Tensor, labels: [Int]), lr: Double,
                       rng: inout SeededRandom) throws -> Double {
        // The weights' pass throws its α gradient away: its gates run the drawn candidates unweighted
        // (1 · term is the term itself), so the mixing nodes neither copy nor keep their terms.
        let loss = try lossAndBackward(batch, gates: hardSample(&rng).gates.map { PathGate(options: $0.options) }, rng: &rng)
        stepWeights(lr: lr)
        let draw = hardSample(&rng)
        _ = try lossAndBackward(search, gates: draw.gates, weightGradients: false, rng: &rng)
        weightOptimizer.zeroGrad(supernet.parameters)
        let dHard = RelaxedSearch.weightGradients(draw.leaves)
        updateAlpha(zip(draw.soft, dHard).map { p, d in ArchitectureWeights.softmaxBackward(p, d).map { $0 / tau } })
        return loss
    }

    /// One hard Gumbel draw per row: the gates (one path each, weight 1), their weight leaves, and the relaxed probabilities.
    func hardSample(_ rng: inout SeededRandom) -> (gates: [PathGate], leaves: [Tensor], soft: [[Double]]) {
        var gates: [PathGate] = [], leaves: [Tensor] = [], soft: [[Double]] = []
        for logits in alpha.logits {
            let p = ArchitectureWeights.softmax(logits.map { ($0 + RelaxedSearch.gumbel(&rng)) / tau })
            let chosen = p.indices.max { p[$0] < p[$1] }!
            let leaf = Tensor(shape: [p.count], values: p.indices.map { $0 == chosen ? 1 : 0 }, requiresGrad: true)
            gates.append(PathGate(options: [chosen], weights: leaf))
            leaves.append(leaf)
            soft.append(p)
        }
        return (gates, leaves, soft)
    }

    override func architectureMetrics() -> [String: Double] { super.architectureMetrics().merging(["tau": tau]) { a, _ in a } }
}

extension GDAS {
    /// The registry's entry: `gdas()`.
    public static let entry = StrategyEntry(
        "gdas", summary: "Gumbel-softmax sampling of one op per edge, straight-through gradient to α",
        help: "GDAS samples one operation per edge with the Gumbel-max trick and runs only it, so the supernet holds one path "
            + "per edge in memory; the forward pass uses the hard one-hot weight, the backward pass the relaxed softmax "
            + "(straight-through). The temperature falls linearly from tau_max to tau_min. Each epoch is one trial: the "
            + "cell derived from softmax(α), scored by the supernet. Launch it like DARTS: `launch gdas() on nb201() "
            + "using train(data, epochs: 20, batch: 64)`.",
        paper: "Dong & Yang, Searching for A Robust Neural Architecture in Four GPU Hours, CVPR 2019",
        parameters: [
            StrategyParameter("tau_max", 10, integer: false, minimum: 1e-3, help: "the temperature of the first epoch"),
            StrategyParameter("tau_min", 0.1, integer: false, minimum: 1e-3, help: "the temperature of the last epoch"),
            StrategyParameter("arch_lr", 3e-4, integer: false, minimum: 0, maximum: 1, help: "Adam's learning rate for α"),
            StrategyParameter("arch_weight_decay", 1e-3, integer: false, minimum: 0, maximum: 1, help: "weight decay on α"),
        ], isOneShot: true) { c in
        try GDAS(space: c.space, evaluator: c.evaluator, seed: c.seed, tauMax: c.double("tau_max"), tauMin: c.double("tau_min"),
                 architectureRate: c.double("arch_lr"), architectureDecay: c.double("arch_weight_decay"))
    }
}
