import Foundation
import NASCore
import NASSpaces

/// Successive halving (Jamieson & Talwalkar 2016): Hyperband's most aggressive bracket, repeated.
///
/// Each round trains `n` random architectures at the fewest epochs, keeps the best `1/η` at
/// `η` times the epochs, and so on up to `maxEpochs`. Proposals carry `Fidelity(epochs:)`.
public final class SuccessiveHalving: SearchStrategy {
    private var scheduler: BracketScheduler
    private let space: any SearchSpace
    private let seed: UInt64

    /// Creates the strategy over the evaluator's epochs.
    public init(space: any SearchSpace, maxEpochs: Int, eta: Int = 3, minEpochs: Int = 1, seed: UInt64) throws {
        let ladder = try BudgetLadder(maxEpochs: maxEpochs, eta: eta, minEpochs: minEpochs)
        self.space = space
        self.seed = seed
        self.scheduler = BracketScheduler(ladder: ladder, order: [ladder.maxBracket], rng: SeededRandom(seed: seed))
    }

    public var name: String { "successive_halving" }
    public var settings: [String: String] {
        ["max_epochs": "\(scheduler.ladder.maxEpochs)", "eta": "\(scheduler.ladder.eta)",
         "min_epochs": "\(scheduler.ladder.minEpochs)", "seed": "\(seed)"]
    }
    public var isFinished: Bool { false }

    public func ask(_ count: Int) throws -> [Proposal] {
        let space = self.space
        return scheduler.ask(count) { rng, _, _ in space.sample(using: &rng) }
    }
    public func tell(_ proposal: Proposal, result: TrialResult, score: Double) throws {
        try scheduler.tell(proposal, score: score, strategy: name)
    }
    public func checkpoint() throws -> Data { try StateCoding.encode(scheduler, strategy: name) }
    public func restore(from data: Data) throws { scheduler = try StateCoding.decode(BracketScheduler.self, from: data, strategy: name) }
}
