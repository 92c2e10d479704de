import Foundation
import NASCore
import NASSpaces

/// A black-box search strategy on the ask/tell protocol.
///
/// A strategy proposes architectures and is told results; it never trains or looks anything
/// up itself. That is what lets one strategy run in-process, on workers, or across machines,
/// and be tested on a table in milliseconds. Strategies are seeded, and their whole state can
/// be saved and restored so that a killed run resumes where it stopped.
public protocol SearchStrategy: AnyObject {
    /// The strategy's name (`random`, `evolution`, `reinforce`, ...).
    var name: String { get }
    /// The settings that make it reproducible, for the store (`population=20 sample=5 seed=1`).
    var settings: [String: String] { get }

    /// Up to `count` new proposals; fewer (or none) when the strategy must wait for results,
    /// and none forever once it has finished (grid search ran out, Hyperband's last bracket).
    func ask(_ count: Int) throws -> [Proposal]
    /// The next proposal, or nil when the strategy must wait for results or has finished:
    /// what `ask(1)` returns, without building an array (loops that ask one at a time use it).
    func askOne() throws -> Proposal?
    /// The result of an earlier proposal; the score is what the objective made of the metrics.
    /// `result` is read only by strategies that need more than the score (multi-objective ones),
    /// so a loop that reads results from a table in place copies none for the others.
    func tell(_ proposal: Proposal, result: @autoclosure () -> TrialResult, score: Double) throws
    /// Whether the strategy has nothing more to propose.
    var isFinished: Bool { get }

    /// The strategy's whole state, for checkpoints.
    func checkpoint() throws -> Data
    /// Restores a state written by `checkpoint()`.
    func restore(from data: Data) throws
}

extension SearchStrategy {
    /// The first of `ask(1)`.
    public func askOne() throws -> Proposal? { try ask(1).first }
}
