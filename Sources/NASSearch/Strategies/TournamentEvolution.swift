import Foundation
import NASCore
import NASSpaces

/// Plain tournament evolution: like regularised evolution, but the *worst* member is removed.
///
/// The non-aging variant Real et al. compare against; it keeps strong early members forever.
public final class TournamentEvolution: SearchStrategy {
    /// The population and its random stream (never accessed re-entrantly, so exclusivity is not checked at run time).
    @exclusivity(unchecked) private var core: EvolutionCore
    private let space: any SearchSpace
    /// The space, with NB201's cells also held by their concrete type (sampled and mutated by direct calls).
    private let proposalSpace: StrategySpace
    private let seed: UInt64

    /// Creates the strategy; throws when the population or sample size is invalid.
    public init(space: any SearchSpace, populationSize: Int = 10, sampleSize: Int = 3, seed: UInt64) throws {
        self.space = space
        proposalSpace = StrategySpace(space)
        self.seed = seed
        self.core = try EvolutionCore(populationSize: populationSize, sampleSize: sampleSize, removal: .worst, seed: seed)
    }

    public var name: String { "tournament" }
    public var settings: [String: String] {
        ["population": "\(core.populationSize)", "sample": "\(core.sampleSize)", "seed": "\(seed)"]
    }
    public var isFinished: Bool { false }

    /// The current population, oldest first.
    public var population: [Observation] { core.population.members }

    public func ask(_ count: Int) throws -> [Proposal] { core.ask(count, space: space) }
    public func askOne() throws -> Proposal? { core.askOne(space: proposalSpace) }
    public func tell(_ proposal: Proposal, result: @autoclosure () -> TrialResult, score: Double) throws {
        try core.tell(proposal, score: score, strategy: name)
    }
    public func checkpoint() throws -> Data { try StateCoding.encode(core, strategy: name) }
    public func restore(from data: Data) throws { core = try StateCoding.decode(EvolutionCore.self, from: data, strategy: name) }
}
