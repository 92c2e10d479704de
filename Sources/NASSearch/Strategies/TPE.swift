import Foundation
import NASCore
import NASSpaces

/// The tree-structured Parzen estimator over a space's categorical decisions (Bergstra et al., NeurIPS 2011).
///
/// The first `startupTrials` proposals are random; afterwards each proposal is the best of
/// `candidates` draws from the good-group density by the ratio `l(x)/g(x)` (see
/// `CategoricalParzenModel`), skipping architectures already proposed so the budget is not
/// spent on repeats. When no candidate is new and valid, a random sample is proposed.
public final class TPE: SearchStrategy {
    struct State: Codable {
        var rng: SeededRandom
        var counter = ProposalCounter()
        var observations: [Observation] = []
        var seen: Set<String> = []
    }

    private let space: any SearchSpace
    private let seed: UInt64
    private let gamma: Double
    private let startupTrials: Int
    private let candidates: Int
    private var state: State

    /// Creates the strategy.
    public init(space: any SearchSpace, gamma: Double = TPE.entry.number("gamma"), startupTrials: Int = TPE.entry.integer("startup"),
                candidates: Int = TPE.entry.integer("candidates"),
                seed: UInt64) throws {
        guard gamma > 0, gamma < 1 else { throw StrategyError("TPE's γ must lie strictly between 0 and 1, not \(gamma)") }
        guard startupTrials >= 2, candidates >= 1 else {
            throw StrategyError("TPE needs at least 2 startup trials and 1 candidate")
        }
        self.space = space
        self.seed = seed
        self.gamma = gamma
        self.startupTrials = startupTrials
        self.candidates = candidates
        self.state = State(rng: SeededRandom(seed: seed))
    }

    public var name: String { "tpe" }
    public var settings: [String: String] {
        ["gamma": "\(gamma)", "startup": "\(startupTrials)", "candidates": "\(candidates)", "seed": "\(seed)"]
    }
    public var isFinished: Bool { false }

    public func ask(_ count: Int) throws -> [Proposal] {
        let counts = space.decisions.map(\.count)
        let model = state.observations.count >= startupTrials
            ? CategoricalParzenModel(observations: state.observations, optionCounts: counts, gamma: gamma) : nil
        return (0..<max(count, 0)).map { _ in state.propose(model: model, candidates: candidates, space: space) }
    }

    public func tell(_ proposal: Proposal, result: TrialResult, score: Double) throws {
        try state.counter.resolve(proposal, strategy: name)
        state.observations.append(Observation(architecture: proposal.architecture, fidelity: proposal.fidelity, score: score))
    }

    public func checkpoint() throws -> Data { try StateCoding.encode(state, strategy: name) }
    public func restore(from data: Data) throws { state = try StateCoding.decode(State.self, from: data, strategy: name) }
}

extension TPE.State {
    /// A proposal from the model (random without one, or when the model's choice is invalid).
    mutating func propose(model: CategoricalParzenModel?, candidates: Int, space: any SearchSpace) -> Proposal {
        let known = seen
        let isNew: ([Int]) -> Bool = { tokens in
            let a = Architecture(space: space.name, tokens: tokens)
            return (try? space.validate(a)) != nil && !known.contains(space.identity(a))
        }
        var choice: Architecture?
        if let model, let tokens = model.propose(candidates: candidates, rng: &rng, isAllowed: isNew) {
            choice = Architecture(space: space.name, tokens: tokens)
        }
        var a = choice ?? space.sample(using: &rng)
        for _ in 0..<20 where choice == nil && seen.contains(space.identity(a)) { a = space.sample(using: &rng) }
        seen.insert(space.identity(a))
        return counter.propose(a)
    }
}

extension TPE {
    /// The registry's entry.
    public static let entry = StrategyEntry(
        "tpe", summary: "TPE: the tree-structured Parzen estimator",
        help: "After `startup` random architectures, splits the results into the best `gamma` fraction and the rest, models each decision's options under both groups, and proposes the best of `candidates` draws by the ratio of the two densities, l(x)/g(x).",
        paper: "Bergstra et al., Algorithms for Hyper-Parameter Optimization, NeurIPS 2011",
        parameters: [StrategyParameter("gamma", 0.25, integer: false, minimum: 1e-9, maximum: 1, help: "the fraction counted as good, in (0, 1)"),
                     StrategyParameter("startup", 10, minimum: 2, help: "random architectures before the model is used"),
                     StrategyParameter("candidates", 24, help: "draws scored per proposal")]) { c in
        try TPE(space: c.space, gamma: c.double("gamma"), startupTrials: c.int("startup"), candidates: c.int("candidates"), seed: c.seed)
    }
}
