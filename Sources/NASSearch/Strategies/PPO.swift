import Foundation
import NASCore
import NASSpaces

/// Proximal policy optimisation (Schulman et al. 2017) of the same LSTM controller as `Reinforce`.
///
/// Results are gathered in batches of `batchSize`; each batch then drives `epochs` Adam steps
/// on the clipped surrogate `min(r·A, clip(r, 1-ε, 1+ε)·A) + β·H`, where `r` is the ratio of the
/// sequence's probability under the current controller to that when it was sampled and `A` the
/// reward minus a moving-average baseline (as used for NAS by Zoph et al. 2018).
public final class PPO: SearchStrategy {
    struct Sample: Codable {
        var tokens: [Int]
        var oldLogProbability: Double
        var advantage: Double
    }

    struct State: Codable {
        var policy: ControllerPolicy
        var counter = ProposalCounter()
        var oldLogProbabilities: [Int: Double] = [:]
        var batch: [Sample] = []
        var updates = 0
    }

    private let space: any SearchSpace
    private let seed: UInt64
    private let batchSize: Int
    private let epochs: Int
    private let clip: Double
    private let entropyWeight: Double
    private var state: State

    /// Creates the strategy.
    public init(space: any SearchSpace, learningRate: Double = PPO.entry.number("lr"), batchSize: Int = PPO.entry.integer("batch"),
                epochs: Int = PPO.entry.integer("epochs"), clip: Double = PPO.entry.number("clip"),
                baselineDecay: Double = PPO.entry.number("baseline_decay"), entropyWeight: Double = PPO.entry.number("entropy"),
                hiddenSize: Int = PPO.entry.integer("hidden"), embeddingSize: Int = 16, seed: UInt64) throws {
        guard batchSize >= 1, epochs >= 1, clip > 0 else {
            throw StrategyError("PPO needs batch ≥ 1, epochs ≥ 1 and clip > 0; got batch \(batchSize), epochs \(epochs), clip \(clip)")
        }
        self.space = space
        self.seed = seed
        self.batchSize = batchSize
        self.epochs = epochs
        self.clip = clip
        self.entropyWeight = entropyWeight
        self.state = State(policy: try ControllerPolicy(space: space, learningRate: learningRate, baselineDecay: baselineDecay,
                                                        hiddenSize: hiddenSize, embeddingSize: embeddingSize, seed: seed))
    }

    public var name: String { "ppo" }
    public var settings: [String: String] {
        state.policy.commonSettings.merging(["batch": "\(batchSize)", "epochs": "\(epochs)", "clip": "\(clip)",
                                             "entropy": "\(entropyWeight)", "seed": "\(seed)"]) { $1 }
    }
    public var isFinished: Bool { false }

    /// The controller, for inspection.
    public var controller: LSTMController { state.policy.controller }
    /// How many batches have been learned from.
    public var updates: Int { state.updates }

    public func ask(_ count: Int) throws -> [Proposal] {
        (0..<max(count, 0)).map { _ in state.propose(space: space) }
    }

    public func tell(_ proposal: Proposal, result: TrialResult, score: Double) throws {
        try state.counter.resolve(proposal, strategy: name)
        state.record(proposal, score: score)
        if state.batch.count >= batchSize { state.learnFromBatch(epochs: epochs, clip: clip, entropyWeight: entropyWeight) }
    }

    public func checkpoint() throws -> Data { try StateCoding.encode(state, strategy: name) }
    public func restore(from data: Data) throws { state = try StateCoding.decode(State.self, from: data, strategy: name) }
}

extension PPO.State {
    /// A proposal from the controller, remembering its log-probability at sampling time.
    mutating func propose(space: any SearchSpace) -> Proposal {
        let architecture = policy.draw(space: space)
        let proposal = counter.propose(architecture)
        oldLogProbabilities[proposal.id] = policy.controller.evaluate(architecture.tokens).logProbability
        return proposal
    }

    /// Adds a told result to the batch with its advantage.
    mutating func record(_ proposal: Proposal, score: Double) {
        let advantage = policy.advantage(of: score)
        let old = oldLogProbabilities.removeValue(forKey: proposal.id)
            ?? policy.controller.evaluate(proposal.architecture.tokens).logProbability
        batch.append(PPO.Sample(tokens: proposal.architecture.tokens, oldLogProbability: old, advantage: advantage))
    }

    /// `epochs` Adam steps on the batch's mean clipped-surrogate loss, then clears the batch.
    mutating func learnFromBatch(epochs: Int, clip: Double, entropyWeight: Double) {
        for _ in 0..<epochs {
            var total = [Double](repeating: 0, count: policy.controller.parameters.count)
            for sample in batch {
                let g = clippedSurrogateGradient(sample, clip: clip, entropyWeight: entropyWeight)
                for i in total.indices { total[i] += g[i] / Double(batch.count) }
            }
            policy.optimizer.step(&policy.controller.parameters, gradient: total)
        }
        batch.removeAll()
        updates += 1
    }

    /// The gradient of the negated clipped surrogate (plus entropy bonus) for one sample.
    func clippedSurrogateGradient(_ sample: PPO.Sample, clip: Double, entropyWeight: Double) -> [Double] {
        let trajectory = policy.controller.evaluate(sample.tokens)
        let ratio = exp(trajectory.logProbability - sample.oldLogProbability)
        let a = sample.advantage
        let clipped = min(max(ratio, 1 - clip), 1 + clip)
        // d/dθ min(r·A, clip(r)·A) is r·A·∇log π where the unclipped term is the smaller one, else 0.
        let weight = ratio * a <= clipped * a ? ratio * a : 0
        let dLogits = LSTMController.policyLogitGradients(trajectory, weight: weight, entropyWeight: entropyWeight)
        return policy.controller.gradient(of: trajectory, logitGradients: dLogits)
    }
}

extension PPO {
    /// The registry's entry.
    public static let entry = StrategyEntry(
        "ppo", summary: "PPO with an LSTM controller",
        help: "The same token-by-token LSTM controller as reinforce, trained with proximal policy optimisation: results are gathered in batches and each batch drives several Adam steps on the clipped surrogate objective.",
        paper: "Schulman et al., Proximal Policy Optimization Algorithms, 2017; Zoph et al., Learning Transferable Architectures, CVPR 2018",
        parameters: [StrategyParameter("lr", 0.003, integer: false, minimum: 1e-9, help: "Adam learning rate of the controller"),
                     StrategyParameter("batch", 5, help: "results per policy update"),
                     StrategyParameter("epochs", 4, help: "Adam steps per batch"),
                     StrategyParameter("clip", 0.2, integer: false, minimum: 1e-9, help: "the clipping range ε"),
                     StrategyParameter("baseline_decay", 0.9, integer: false, minimum: 0, maximum: 1, help: "decay of the moving-average baseline, in [0, 1)"),
                     StrategyParameter("entropy", 1e-4, integer: false, minimum: 0, help: "weight of the entropy bonus"),
                     StrategyParameter("hidden", 32, help: "LSTM hidden size")]) { c in
        try PPO(space: c.space, learningRate: c.double("lr"), batchSize: c.int("batch"), epochs: c.int("epochs"),
                clip: c.double("clip"), baselineDecay: c.double("baseline_decay"), entropyWeight: c.double("entropy"),
                hiddenSize: c.int("hidden"), seed: c.seed)
    }
}
