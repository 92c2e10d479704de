import Foundation
import NASCore
import NASSpaces

/// Hyperband (Li et al., JMLR 2018): successive halving over every bracket of the epoch ladder, in turn.
///
/// Brackets run from the most aggressive (many architectures at few epochs) to plain full
/// training of a few, then repeat; new architectures are uniform random samples.
public final class Hyperband: SearchStrategy {
    private var scheduler: BracketScheduler
    private let space: any SearchSpace
    private let seed: UInt64

    /// Creates the strategy over the evaluator's epochs.
    public init(space: any SearchSpace, maxEpochs: Int, eta: Int = 3, minEpochs: Int = 1, seed: UInt64) throws {
        let ladder = try BudgetLadder(maxEpochs: maxEpochs, eta: eta, minEpochs: minEpochs)
        self.space = space
        self.seed = seed
        self.scheduler = BracketScheduler(ladder: ladder, order: Array(stride(from: ladder.maxBracket, through: 0, by: -1)),
                                          rng: SeededRandom(seed: seed))
    }

    public var name: String { "hyperband" }
    public var settings: [String: String] {
        ["max_epochs": "\(scheduler.ladder.maxEpochs)", "eta": "\(scheduler.ladder.eta)",
         "min_epochs": "\(scheduler.ladder.minEpochs)", "seed": "\(seed)"]
    }
    public var isFinished: Bool { false }

    /// The bracket `s` being run, once started.
    public var currentBracket: Int? { scheduler.currentBracket }

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
