import Foundation
import NASCore
import NASSpaces

/// A black-box search strategy on the ask/tell protocol: what a newcomer implements to add one.
///
/// A strategy proposes architectures and is told results; it never trains or looks anything
/// up itself. That is what lets one strategy run in-process, on workers, or across machines,
/// and be tested on a table in milliseconds. Strategies are seeded, and their whole state can
/// be saved and restored so that a killed run resumes where it stopped. To offer one to users,
/// give it a `StrategyEntry` and list it in `StrategyRegistry.entries` (see docs/contributing.md).
public protocol SearchStrategy: AnyObject {
    /// The strategy's name (`random`, `evolution`, `reinforce`, ...).
    var name: String { get }
    /// The settings that make it reproducible, for the store (`population=20 sample=5 seed=1`).
    var settings: [String: String] { get }

    /// Up to `count` new proposals; fewer (or none) when the strategy must wait for results,
    /// and none forever once it has finished (grid search ran out, Hyperband's last bracket).
    func ask(_ count: Int) throws -> [Proposal]
    /// The result of an earlier proposal; the score is what the objective made of the metrics
    /// (higher is better, `-infinity` for a failed or infeasible trial).
    func tell(_ proposal: Proposal, result: TrialResult, score: Double) throws
    /// Whether the strategy has nothing more to propose.
    var isFinished: Bool { get }

    /// The strategy's whole state, for checkpoints.
    func checkpoint() throws -> Data
    /// Restores a state written by `checkpoint()`.
    func restore(from data: Data) throws
}
