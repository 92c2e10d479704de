import Foundation
import NASCore
import NASSpaces

/// Q-learning over sequential layer choices with an ε-greedy schedule and experience replay
/// (MetaQNN, Baker et al., ICLR 2017).
///
/// The space's decisions are taken as a chain of states: the state before decision `t` is
/// `(t, token chosen at t-1)`, the action is decision `t`'s option, and only the finished
/// architecture is rewarded. After each result a minibatch of stored architectures is replayed
/// and every transition along each updated backwards with
/// `Q(s,a) ← (1-α)·Q(s,a) + α·(r + max_a' Q(s',a'))` (no discount, `r` nonzero only at the end).
/// ε follows the schedule: a run of fully random architectures, then decreasing ε stages.
/// The default α is 0.3 rather than MetaQNN's 0.01, which needs thousands of trials.
public final class QLearning: SearchStrategy {
    /// One stage of the ε schedule: `epsilon` for `trials` proposals.
    public struct EpsilonStage: Sendable, Hashable, Codable {
        /// The probability of a random action.
        public var epsilon: Double
        /// How many proposals the stage lasts.
        public var trials: Int

        /// Creates a stage.
        public init(epsilon: Double, trials: Int) {
            self.epsilon = epsilon
            self.trials = trials
        }
    }

    /// MetaQNN's schedule shape scaled to `total` trials: half fully random, then ε = 0.9 … 0.1.
    public static func defaultSchedule(total: Int) -> [EpsilonStage] {
        let random = max(1, total / 2)
        let step = max(1, (total - random) / 9)
        return [EpsilonStage(epsilon: 1, trials: random)]
            + stride(from: 0.9, through: 0.1, by: -0.1).map { EpsilonStage(epsilon: $0, trials: step) }
    }

    struct State: Codable {
        var q: [[[Double]]]          // [decision][previous token][action]
        var replay: [Observation] = []
        var floor = ScoreFloor()
        var rng: SeededRandom
        var counter = ProposalCounter()
        var proposed = 0
        var schedule: [EpsilonStage]
    }

    private let space: any SearchSpace
    private let seed: UInt64
    private let learningRate: Double
    private let replaySize: Int
    private var state: State

    /// Creates the strategy; `initialQ` is MetaQNN's optimistic start (0.5 for accuracies).
    public init(space: any SearchSpace, schedule: [EpsilonStage]? = nil, learningRate: Double = QLearning.entry.number("alpha"),
                replaySize: Int = QLearning.entry.integer("replay"), initialQ: Double = QLearning.entry.number("initial_q"), seed: UInt64) throws {
        let counts = try ControllerSampler.optionCounts(space)
        let schedule = schedule ?? QLearning.defaultSchedule(total: QLearning.entry.integer("explore_trials"))
        guard !schedule.isEmpty, schedule.allSatisfy({ (0...1).contains($0.epsilon) && $0.trials > 0 }) else {
            throw StrategyError("an ε schedule needs stages with ε in [0, 1] and at least one trial each")
        }
        guard learningRate > 0, learningRate <= 1, replaySize >= 1 else {
            throw StrategyError("Q-learning needs a learning rate in (0, 1] and a replay size ≥ 1")
        }
        self.space = space
        self.seed = seed
        self.learningRate = learningRate
        self.replaySize = replaySize
        let q = counts.enumerated().map { t, count in
            Array(repeating: Array(repeating: initialQ, count: count), count: t == 0 ? 1 : counts[t - 1])
        }
        self.state = State(q: q, rng: SeededRandom(seed: seed), schedule: schedule)
    }

    public var name: String { "qlearning" }
    public var settings: [String: String] {
        ["alpha": "\(learningRate)", "replay": "\(replaySize)", "seed": "\(seed)",
         "schedule": state.schedule.map { "\($0.epsilon)x\($0.trials)" }.joined(separator: ",")]
    }
    public var isFinished: Bool { false }

    /// The ε used for the next proposal.
    public var epsilon: Double {
        var remaining = state.proposed
        for stage in state.schedule {
            if remaining < stage.trials { return stage.epsilon }
            remaining -= stage.trials
        }
        return state.schedule.last!.epsilon
    }

    /// The architecture the Q-table currently rates best (greedy roll-out).
    public var greedyArchitecture: Architecture {
        var copy = state
        return Architecture(space: space.name, tokens: copy.rollOut(epsilon: 0, greedy: true))
    }

    public func ask(_ count: Int) throws -> [Proposal] {
        (0..<max(count, 0)).map { _ in
            let e = epsilon
            return state.propose(epsilon: e, space: space)
        }
    }

    public func tell(_ proposal: Proposal, result: TrialResult, score: Double) throws {
        try state.counter.resolve(proposal, strategy: name)
        state.remember(Observation(architecture: proposal.architecture, score: score))
        state.replayMinibatch(size: replaySize, alpha: learningRate)
    }

    public func checkpoint() throws -> Data { try StateCoding.encode(state, strategy: name) }
    public func restore(from data: Data) throws { state = try StateCoding.decode(State.self, from: data, strategy: name) }
}

extension QLearning.State {
    /// The tokens of one ε-greedy pass through the decisions (`greedy`: no exploration, no randomness used).
    mutating func rollOut(epsilon: Double, greedy: Bool) -> [Int] {
        var tokens: [Int] = []
        for t in q.indices {
            let row = q[t][t == 0 ? 0 : tokens[t - 1]]
            if !greedy, rng.nextDouble() < epsilon {
                tokens.append(rng.nextInt(below: row.count))
            } else {
                tokens.append(row.indices.max { row[$0] < row[$1] }!)
            }
        }
        return tokens
    }

    /// An ε-greedy architecture, valid for the space, recorded as pending.
    mutating func propose(epsilon: Double, space: any SearchSpace) -> Proposal {
        proposed += 1
        for _ in 0..<10 {
            let candidate = Architecture(space: space.name, tokens: rollOut(epsilon: epsilon, greedy: false))
            if (try? space.validate(candidate)) != nil { return counter.propose(candidate) }
        }
        return counter.propose(space.sample(using: &rng))
    }

    /// Stores an experience.
    mutating func remember(_ observation: Observation) {
        floor.observe(observation.score)
        replay.append(observation)
    }

    /// Replays `size` stored architectures (the newest always among them).
    mutating func replayMinibatch(size: Int, alpha: Double) {
        guard let newest = replay.last else { return }
        update(newest.architecture.tokens, reward: floor.finite(newest.score), alpha: alpha)
        for _ in 1..<size {
            let e = replay[rng.nextInt(below: replay.count)]
            update(e.architecture.tokens, reward: floor.finite(e.score), alpha: alpha)
        }
    }

    /// Updates every transition of one trajectory, last first.
    mutating func update(_ tokens: [Int], reward: Double, alpha: Double) {
        for t in stride(from: tokens.count - 1, through: 0, by: -1) {
            let previous = t == 0 ? 0 : tokens[t - 1]
            let target = t == tokens.count - 1 ? reward : (q[t + 1][tokens[t]].max() ?? 0)
            q[t][previous][tokens[t]] = (1 - alpha) * q[t][previous][tokens[t]] + alpha * target
        }
    }
}

extension QLearning {
    /// The registry's entry.
    public static let entry = StrategyEntry(
        "qlearning", aliases: ["q", "metaqnn"], summary: "Q-learning over layer choices (MetaQNN)",
        help: "Treats the space's decisions as a chain of states and learns Q-values for each choice with an ε-greedy schedule (half the trials fully random, then ε = 0.9 … 0.1) and experience replay of earlier architectures, rewarded only with the finished architecture's score.",
        paper: "Baker et al., Designing Neural Network Architectures using Reinforcement Learning (MetaQNN), ICLR 2017",
        parameters: [StrategyParameter("alpha", 0.3, integer: false, minimum: 1e-9, help: "the Q-learning rate α"),
                     StrategyParameter("replay", 20, help: "architectures replayed after each result"),
                     StrategyParameter("explore_trials", 200, help: "trials the ε schedule spans (half of them fully random)"),
                     StrategyParameter("initial_q", 0.5, integer: false, minimum: -1e9, help: "the optimistic starting Q-value")]) { c in
        try QLearning(space: c.space, schedule: QLearning.defaultSchedule(total: c.int("explore_trials")),
                      learningRate: c.double("alpha"), replaySize: c.int("replay"), initialQ: c.double("initial_q"), seed: c.seed)
    }
}
