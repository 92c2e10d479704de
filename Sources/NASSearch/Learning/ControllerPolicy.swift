import NASCore
import NASSpaces

/// The learning state shared by the policy-gradient strategies: an LSTM controller over a
/// space's decisions, its Adam optimiser, a moving-average reward baseline and the random source
/// that samples architectures from it.
struct ControllerPolicy: Codable {
    var controller: LSTMController
    var optimizer: AdamOptimizer
    var baseline: MovingAverageBaseline
    var floor = ScoreFloor()
    var rng: SeededRandom

    /// A fresh controller for `space`, seeded by `seed`.
    init(space: any SearchSpace, learningRate: Double, baselineDecay: Double, hiddenSize: Int, embeddingSize: Int,
         seed: UInt64) throws {
        controller = LSTMController(optionCounts: try ControllerSampler.optionCounts(space),
                                    hiddenSize: hiddenSize, embeddingSize: embeddingSize, seed: seed)
        optimizer = AdamOptimizer(count: controller.parameters.count, learningRate: learningRate)
        baseline = MovingAverageBaseline(decay: baselineDecay)
        rng = SeededRandom(seed: seed ^ 0x5EED)
    }

    /// A policy over a given controller (for tests and tools that build one by hand).
    init(controller: LSTMController, optimizer: AdamOptimizer, baseline: MovingAverageBaseline, rng: SeededRandom) {
        self.controller = controller
        self.optimizer = optimizer
        self.baseline = baseline
        self.rng = rng
    }

    /// A valid architecture sampled token by token from the controller.
    mutating func draw(space: any SearchSpace) -> Architecture {
        ControllerSampler.draw(controller, space: space, rng: &rng)
    }

    /// The advantage of a told score over the baseline (infeasible scores just below the worst feasible one).
    mutating func advantage(of score: Double) -> Double {
        floor.observe(score)
        return baseline.advantage(of: floor.finite(score))
    }

    /// The settings both strategies report.
    var commonSettings: [String: String] {
        ["lr": "\(optimizer.learningRate)", "baseline_decay": "\(baseline.decay)", "hidden": "\(controller.hiddenSize)"]
    }
}
