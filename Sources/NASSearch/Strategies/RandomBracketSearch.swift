import Foundation
import NASCore
import NASSpaces

/// Brackets of successive halving over random architectures: what Hyperband and successive halving share.
///
/// A subclass fixes which brackets of the epoch ladder run, in which order (then repeat); new
/// architectures are uniform random samples and proposals carry `Fidelity(epochs:)`.
public class RandomBracketSearch: SearchStrategy, LoopSpecialised {
    private var scheduler: BracketScheduler
    private let space: any SearchSpace
    private let seed: UInt64
    public let name: String

    /// Creates the search; `order` lists the brackets `s` to run, repeated.
    init(name: String, space: any SearchSpace, maxEpochs: Int, eta: Int, minEpochs: Int, seed: UInt64,
         order: (BudgetLadder) -> [Int]) throws {
        let ladder = try BudgetLadder(maxEpochs: maxEpochs, eta: eta, minEpochs: minEpochs)
        self.name = name
        self.space = space
        self.seed = seed
        self.scheduler = BracketScheduler(ladder: ladder, order: order(ladder), rng: SeededRandom(seed: seed))
    }

    public var settings: [String: String] {
        ["max_epochs": "\(scheduler.ladder.maxEpochs)", "eta": "\(scheduler.ladder.eta)",
         "min_epochs": "\(scheduler.ladder.minEpochs)", "seed": "\(seed)"]
    }
    public var isFinished: Bool { false }

    /// The bracket `s` being run, once started.
    public var currentBracket: Int? { scheduler.currentBracket }

    func askOne() throws -> Proposal? { try ask(1).first }

    public func ask(_ count: Int) throws -> [Proposal] {
        let space = self.space
        return scheduler.ask(count) { rng, _, _ in space.sample(using: &rng) }
    }
    func tell(_ proposal: Proposal, score: Double, result: () -> TrialResult) throws {
        try scheduler.tell(proposal, score: score, strategy: name)
    }
    public func checkpoint() throws -> Data { try StateCoding.encode(scheduler, strategy: name) }
    public func restore(from data: Data) throws { scheduler = try StateCoding.decode(BracketScheduler.self, from: data, strategy: name) }
}
