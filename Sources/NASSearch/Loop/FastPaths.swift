import Foundation
import NASSpaces

// The search loop's fast paths, all in this file.
//
// On a tabular benchmark a whole trial of regularised evolution costs a few hundred instructions,
// so what would be noise elsewhere decides the speed there (`scripts/bench search speed`: at least
// 50× a plain-Python loop). Three speed-ups sit behind the public `SearchStrategy` protocol; each is
// internal, and each has a differential test that runs the fast and the plain path side by side:
//
// 1. `LoopSpecialised`: a strategy that conforms gets the loop compiled for its own type (direct
//    calls of `askOne` and a score-only `tell` instead of witness calls), and is told a result only
//    when it asks for one. Any other strategy is driven through `ProtocolDriven`, the same loop
//    over the public protocol. Guarded by `TableLoopTests` ("fast and protocol paths give equal
//    runs" for every built-in strategy).
// 2. Result tables (`Evaluator.resultTable`, `TableCursor`): rows read in place and numbered by
//    `TokenCode`, scores computed once per objective. Guarded by the NB201 table contract tests and
//    "table and hidden-table evaluators give equal runs".
// 3. `StrategySpace`: NB201's cell space also held by its concrete type, so that the evolution
//    strategies call its inlinable sampling and mutation directly. Guarded by "both evolutions
//    propose identical architectures through NB201Space directly and through a protocol wrapper".

/// The loop's fast interface to a strategy (see the file's comment); built-in cheap strategies implement it.
protocol LoopSpecialised: SearchStrategy {
    /// The next proposal, or nil when the strategy must wait for results or has finished (`ask(1)` without an array).
    func askOne() throws -> Proposal?
    /// The result of an earlier proposal; `result` is called only by strategies that read more than the score.
    func tell(_ proposal: Proposal, score: Double, result: () -> TrialResult) throws
    /// Runs `loop` with this strategy: a requirement, so each conforming type gets the loop specialised for it.
    func driven(by loop: borrowing SearchLoop, run: inout SearchLoop.Run) throws
}

extension LoopSpecialised {
    func driven(by loop: borrowing SearchLoop, run: inout SearchLoop.Run) throws { try loop.drive(self, run: &run) }

    /// The public protocol's `tell`, through the score-only one.
    public func tell(_ proposal: Proposal, result: TrialResult, score: Double) throws {
        try tell(proposal, score: score) { result }
    }
}

/// Any strategy seen through the loop's fast interface, calling only the public protocol.
final class ProtocolDriven: LoopSpecialised {
    /// The strategy driven.
    let base: any SearchStrategy

    /// Wraps `base`.
    init(_ base: any SearchStrategy) { self.base = base }

    var name: String { base.name }
    var settings: [String: String] { base.settings }
    var isFinished: Bool { base.isFinished }
    func ask(_ count: Int) throws -> [Proposal] { try base.ask(count) }
    func askOne() throws -> Proposal? { try base.ask(1).first }
    func tell(_ proposal: Proposal, result: TrialResult, score: Double) throws { try base.tell(proposal, result: result, score: score) }
    func tell(_ proposal: Proposal, score: Double, result: () -> TrialResult) throws {
        try base.tell(proposal, result: result(), score: score)
    }
    func checkpoint() throws -> Data { try base.checkpoint() }
    func restore(from data: Data) throws { try base.restore(from: data) }
}

/// A strategy's space, held also by its concrete type when it is NB201's cell space (fast path 3).
///
/// A strategy samples and mutates through `any SearchSpace`, a witness call each; the evolution
/// strategies call NB201's (inlinable) sampling and mutation directly instead. The results are the
/// same either way.
struct StrategySpace {
    /// The space.
    let space: any SearchSpace
    /// The space as NB201's cell space, when it is one.
    let nb201: NB201Space?

    /// Holds `space`.
    init(_ space: any SearchSpace) {
        self.space = space
        nb201 = space as? NB201Space
    }
}
