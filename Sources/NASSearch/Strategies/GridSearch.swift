import Foundation
import NASCore
import NASSpaces

/// Grid search: every member of an enumerable space once, in the space's enumeration order.
///
/// Refuses spaces larger than `limit`; finishes when the grid is exhausted.
public final class GridSearch: SearchStrategy {
    private struct State: Codable {
        var position = 0
        var counter = ProposalCounter()
    }

    private let grid: [Architecture]
    private let limit: Int
    private var state = State()

    /// Creates a grid over `space`; throws when the space has more than `limit` members.
    public init(space: any SearchSpace, limit: Int = 1_000_000) throws {
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

    public func ask(_ count: Int) throws -> [Proposal] {
        let end = min(grid.count, state.position + max(count, 0))
        defer { state.position = max(state.position, end) }
        return (state.position..<max(end, state.position)).map { state.counter.propose(grid[$0]) }
    }

    public func tell(_ proposal: Proposal, result: @autoclosure () -> TrialResult, score: Double) throws {
        try state.counter.resolve(proposal, strategy: name)
    }

    public func checkpoint() throws -> Data { try StateCoding.encode(state, strategy: name) }
    public func restore(from data: Data) throws { state = try StateCoding.decode(State.self, from: data, strategy: name) }
}
