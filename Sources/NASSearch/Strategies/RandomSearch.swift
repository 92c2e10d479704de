import Foundation
import NASCore
import NASSpaces

/// Random search: every proposal an independent uniform sample of the space.
///
/// The baseline every other strategy must beat (Li & Talwalkar 2019). Samples are drawn with
/// replacement, as in the NATS-Bench protocol.
public final class RandomSearch: SearchStrategy, LoopSpecialised {
    private struct State: Codable {
        var rng: SeededRandom
        var counter = ProposalCounter()
    }

    private let space: any SearchSpace
    private let seed: UInt64
    private var state: State

    /// Creates a random search over `space`.
    public init(space: any SearchSpace, seed: UInt64) {
        self.space = space
        self.seed = seed
        self.state = State(rng: SeededRandom(seed: seed))
    }

    public var name: String { "random" }
    public var settings: [String: String] { ["seed": "\(seed)"] }
    public var isFinished: Bool { false }

    func askOne() throws -> Proposal? { try ask(1).first }

    public func ask(_ count: Int) throws -> [Proposal] {
        (0..<max(count, 0)).map { _ in
            let architecture = space.sample(using: &state.rng)
            return state.counter.propose(architecture)
        }
    }

    func tell(_ proposal: Proposal, score: Double, result: () -> TrialResult) throws {
        try state.counter.resolve(proposal, strategy: name)
    }

    public func checkpoint() throws -> Data { try StateCoding.encode(state, strategy: name) }
    public func restore(from data: Data) throws { state = try StateCoding.decode(State.self, from: data, strategy: name) }
}

extension RandomSearch {
    /// The registry's entry.
    public static let entry = StrategyEntry(
        "random", aliases: ["random_search"], summary: "random search: uniform samples of the space",
        help: "Proposes architectures drawn uniformly at random from the space, independently of the results. The baseline every other strategy must beat; surprisingly strong on small, well-designed spaces.",
        paper: "Li & Talwalkar, Random Search and Reproducibility for NAS, UAI 2019") { c in
        RandomSearch(space: c.space, seed: c.seed)
    }
}
