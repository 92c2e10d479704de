import Foundation
import NASCore
import NASSpaces
import NASTensor
import NASTraining

/// A one-shot method with architecture parameters α learned by gradient (DARTS, SNAS, GDAS, ProxylessNAS).
///
/// Holds α (one row of logits per row of choices, Adam as in DARTS), derives the architecture from
/// `softmax(α)` by the space's published rule, records `softmax(α)` with each epoch's trial, and
/// checkpoints α with its optimiser.
open class RelaxedSearch: OneShotSearch {
    /// The architecture parameters.
    var alpha: ArchitectureWeights
    /// Adam's learning rate for α.
    let architectureRate: Double

    /// Sets up the method and draws α (seeded by the run's seed).
    init(name: String, space: any SearchSpace, evaluator: (any Evaluator)?, seed: UInt64, architectureRate: Double,
         architectureDecay: Double, settings: [String: String]) throws {
        self.architectureRate = architectureRate
        alpha = ArchitectureWeights.empty()
        try super.init(name: name, space: space, evaluator: evaluator, seed: seed,
                       settings: settings.merging(["arch_lr": "\(architectureRate)", "arch_weight_decay": "\(architectureDecay)"]) { a, _ in a })
        var rng = SeededRandom(seed: seed ^ 0xA1FA)
        alpha = ArchitectureWeights(rows: supernet.rows, rng: &rng, weightDecay: architectureDecay)
    }

    override func derive() throws -> Architecture { try supernet.space.derive(from: alpha.probabilities()) }

    override func architectureMetrics() -> [String: Double] { alpha.metrics(rows: supernet.rows) }

    override func methodState() throws -> Data { OneShotSearch.bytes(alpha.state) }

    override func restoreMethodState(_ state: Data) throws { alpha.restore(OneShotSearch.floats(state)) }

    /// Applies a gradient with respect to α (one array per row) with one Adam step.
    func updateAlpha(_ gradient: [[Double]]) {
        alpha.zeroGradient()
        alpha.addGradient(gradient)
        alpha.step(lr: architectureRate)
    }

    /// The gradient with respect to each row's mixing weights, read from their leaf tensors after a backward pass.
    static func weightGradients(_ leaves: [Tensor]) -> [[Double]] { leaves.map { $0.gradValues.map(Double.init) } }

    /// A Gumbel(0, 1) draw.
    static func gumbel(_ rng: inout SeededRandom) -> Double {
        -Foundation.log(-Foundation.log(max(rng.nextDouble(), 1e-12)) + 1e-20)
    }
}
