import Foundation
import NASCore
import NASSpaces

/// Grid search: every member of an enumerable space once, in the space's enumeration order.
///
/// Refuses spaces larger than `limit`; finishes when the grid is exhausted.
public final class GridSearch: SearchStrategy, LoopSpecialised {
    private struct State: Codable {
        var position = 0
        var counter = ProposalCounter()
    }

    private let grid: [Architecture]
    private let limit: Int
    private var state = State()

    /// Creates a grid over `space`; throws when the space has more than `limit` members.
    public init(space: any SearchSpace, limit: Int = GridSearch.entry.integer("limit")) throws {
        self.limit = limit
        do {
            self.grid = try space.enumerate(limit: limit)
        } catch {
            throw StrategyError("grid search needs an enumerable space: \(error)")
        }
    }

    public var name: String { "grid" }
    public var settings: [String: String] { ["limit": "\(limit)", "size": "\(grid.count)"] }
    public var isFinished: Bool { state.position >= grid.count && state.counter.pendingCount == 0 }

    func askOne() throws -> Proposal? { try ask(1).first }

    public func ask(_ count: Int) throws -> [Proposal] {
        let end = min(grid.count, state.position + max(count, 0))
        defer { state.position = max(state.position, end) }
        return (state.position..<max(end, state.position)).map { state.counter.propose(grid[$0]) }
    }

    func tell(_ proposal: Proposal, score: Double, result: () -> TrialResult) throws {
        try state.counter.resolve(proposal, strategy: name)
    }

    public func checkpoint() throws -> Data { try StateCoding.encode(state, strategy: name) }
    public func restore(from data: Data) throws { state = try StateCoding.decode(State.self, from: data, strategy: name) }
}

extension GridSearch {
    /// The registry's entry.
    public static let entry = StrategyEntry(
        "grid", aliases: ["grid_search"], summary: "grid search: every architecture of an enumerable space once",
        help: "Proposes every member of the space once, in the space's enumeration order, and then finishes (the run ends before its budget if the grid runs out). Only for spaces small enough to enumerate (at most `limit` members).",
        paper: "Bergstra & Bengio, Random Search for Hyper-Parameter Optimization, JMLR 2012 (grid vs random search)",
        parameters: [StrategyParameter("limit", 1_000_000, help: "the largest space it accepts (architectures)")]) { c in
        try GridSearch(space: c.space, limit: c.int("limit"))
    }
}
