import Foundation
import NASCore
import NASSpaces

/// REINFORCE with an LSTM controller (Zoph & Le, ICLR 2017).
///
/// The controller samples each architecture token by token; after each result it takes one
/// Adam step on `-(R - b) · log p(a) - β · H`, with `b` an exponential moving average of the
/// rewards and `H` the summed per-step entropy (an exploration bonus). Infeasible results get
/// a reward just below the worst feasible one.
public final class Reinforce: SearchStrategy {
    private struct State: Codable {
        var policy: ControllerPolicy
        var counter = ProposalCounter()

        /// One policy-gradient step on `-(R - b) · log p(tokens) - β · H`.
        mutating func learn(from tokens: [Int], score: Double, entropyWeight: Double) {
            let advantage = policy.advantage(of: score)
            let trajectory = policy.controller.evaluate(tokens)
            let dLogits = LSTMController.policyLogitGradients(trajectory, weight: advantage, entropyWeight: entropyWeight)
            let gradient = policy.controller.gradient(of: trajectory, logitGradients: dLogits)
            policy.optimizer.step(&policy.controller.parameters, gradient: gradient)
        }
    }

    private let space: any SearchSpace
    private let seed: UInt64
    private let entropyWeight: Double
    private var state: State

    /// Creates the strategy.
    public init(space: any SearchSpace, learningRate: Double = Reinforce.entry.number("lr"),
                baselineDecay: Double = Reinforce.entry.number("baseline_decay"),
                entropyWeight: Double = Reinforce.entry.number("entropy"), hiddenSize: Int = Reinforce.entry.integer("hidden"), embeddingSize: Int = 16, seed: UInt64) throws {
        self.space = space
        self.seed = seed
        self.entropyWeight = entropyWeight
        self.state = State(policy: try ControllerPolicy(space: space, learningRate: learningRate, baselineDecay: baselineDecay,
                                                        hiddenSize: hiddenSize, embeddingSize: embeddingSize, seed: seed))
    }

    public var name: String { "reinforce" }
    public var settings: [String: String] {
        state.policy.commonSettings.merging(["entropy": "\(entropyWeight)", "seed": "\(seed)"]) { $1 }
    }
    public var isFinished: Bool { false }

    /// The controller, for inspection (its most likely architecture, its entropy).
    public var controller: LSTMController { state.policy.controller }

    /// An architecture drawn from the controller without proposing it (ENAS trains shared weights on such draws).
    func draw() -> Architecture { state.policy.draw(space: space) }

    /// The controller's most likely valid architecture (greedy decoding; a draw when that is not a member).
    func mostLikely() -> Architecture {
        let candidate = Architecture(space: space.name, tokens: controller.mostLikely().tokens)
        return (try? space.validate(candidate)) != nil ? candidate : draw()
    }

    public func ask(_ count: Int) throws -> [Proposal] {
        (0..<max(count, 0)).map { _ in state.counter.propose(state.policy.draw(space: space)) }
    }

    public func tell(_ proposal: Proposal, result: TrialResult, score: Double) throws {
        try state.counter.resolve(proposal, strategy: name)
        state.learn(from: proposal.architecture.tokens, score: score, entropyWeight: entropyWeight)
    }

    public func checkpoint() throws -> Data { try StateCoding.encode(state, strategy: name) }
    public func restore(from data: Data) throws { state = try StateCoding.decode(State.self, from: data, strategy: name) }
}

extension Reinforce {
    /// The registry's entry.
    public static let entry = StrategyEntry(
        "reinforce", aliases: ["rl"], summary: "REINFORCE with an LSTM controller",
        help: "An LSTM controller samples the architecture one decision (token) at a time; after each result, a REINFORCE step with a moving-average baseline and an entropy bonus makes high-scoring token sequences more likely.",
        paper: "Zoph & Le, Neural Architecture Search with Reinforcement Learning, ICLR 2017",
        parameters: [StrategyParameter("lr", 0.003, integer: false, minimum: 1e-9, help: "Adam learning rate of the controller"),
                     StrategyParameter("baseline_decay", 0.9, integer: false, minimum: 0, maximum: 1, help: "decay of the moving-average baseline, in [0, 1)"),
                     StrategyParameter("entropy", 1e-4, integer: false, minimum: 0, help: "weight of the entropy bonus"),
                     StrategyParameter("hidden", 32, help: "LSTM hidden size")]) { c in
        try Reinforce(space: c.space, learningRate: c.double("lr"), baselineDecay: c.double("baseline_decay"),
                      entropyWeight: c.double("entropy"), hiddenSize: c.int("hidden"), seed: c.seed)
    }
}
