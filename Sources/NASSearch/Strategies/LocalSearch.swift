import Foundation
import NASCore
import NASSpaces

/// Local search: first-improvement hill climbing over `neighbors`, restarting from a random
/// architecture when a local optimum is reached (White et al. 2021 found it strong on NAS benchmarks).
///
/// It evaluates the current architecture's neighbours in a random order, moves to the first one
/// that scores better, and restarts when none does. Architectures already evaluated (by
/// `identity`) are not proposed again.
public final class LocalSearch: SearchStrategy, LoopSpecialised {
    private struct State: Codable {
        var rng: SeededRandom
        var counter = ProposalCounter()
        var current: Observation?
        var queue: [Architecture] = []
        var seen: Set<String> = []
        var restarts = 0
        var awaitingStart = false
    }

    private let space: any SearchSpace
    private let seed: UInt64
    private var state: State

    /// Creates a local search.
    public init(space: any SearchSpace, seed: UInt64) {
        self.space = space
        self.seed = seed
        self.state = State(rng: SeededRandom(seed: seed))
    }

    public var name: String { "local" }
    public var settings: [String: String] { ["seed": "\(seed)"] }
    public var isFinished: Bool { false }

    /// How many times the climb restarted from a random architecture.
    public var restarts: Int { state.restarts }

    func askOne() throws -> Proposal? { try ask(1).first }

    public func ask(_ count: Int) throws -> [Proposal] {
        var proposals: [Proposal] = []
        while proposals.count < count {
            if state.current == nil {
                if state.awaitingStart { break }
                state.awaitingStart = true
                var rng = state.rng
                let start = space.sample(using: &rng)
                state.rng = rng
                proposals.append(propose(start))
            } else if let next = nextUnseenNeighbour() {
                proposals.append(propose(next))
            } else {
                if state.counter.pendingCount > 0 || !proposals.isEmpty { break }
                restart()
            }
        }
        return proposals
    }

    func tell(_ proposal: Proposal, score: Double, result: () -> TrialResult) throws {
        try state.counter.resolve(proposal, strategy: name)
        let observed = Observation(architecture: proposal.architecture, fidelity: proposal.fidelity, score: score)
        if state.current == nil {
            state.awaitingStart = false
            moveTo(observed)
        } else if let current = state.current, score > current.score {
            moveTo(observed)
        }
    }

    public func checkpoint() throws -> Data { try StateCoding.encode(state, strategy: name) }
    public func restore(from data: Data) throws { state = try StateCoding.decode(State.self, from: data, strategy: name) }

    private func propose(_ architecture: Architecture) -> Proposal {
        state.seen.insert(space.identity(architecture))
        return state.counter.propose(architecture)
    }

    private func nextUnseenNeighbour() -> Architecture? {
        while let candidate = state.queue.popLast() {
            if !state.seen.contains(space.identity(candidate)) { return candidate }
        }
        return nil
    }

    private func moveTo(_ observation: Observation) {
        var neighbours = space.neighbors(observation.architecture)
        var rng = state.rng
        rng.shuffle(&neighbours)
        state.rng = rng
        state.current = observation
        state.queue = neighbours
    }

    private func restart() {
        state.current = nil
        state.queue = []
        state.restarts += 1
    }
}

extension LocalSearch {
    /// The registry's entry (the strategy reports itself as `local`).
    public static let entry = StrategyEntry(
        "local_search", aliases: ["local"], summary: "local search: hill climbing over neighbours",
        help: "Starts from a random architecture and evaluates its neighbours (architectures one decision away); moves to the first better one, and restarts from a new random architecture at a local optimum.",
        paper: "White et al., Local Search is State of the Art for Neural Architecture Search Benchmarks, 2020") { c in
        LocalSearch(space: c.space, seed: c.seed)
    }
}
