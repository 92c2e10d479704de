import Foundation
import NASCore
import NASSpaces

/// Plain tournament evolution: like regularised evolution, but the *worst* member is removed.
///
/// The non-aging variant Real et al. compare against; it keeps strong early members forever.
public final class TournamentEvolution: SearchStrategy, LoopSpecialised {
    /// The population and its random stream (never accessed re-entrantly, so exclusivity is not checked at run time).
    @exclusivity(unchecked) private var core: EvolutionCore
    private let space: any SearchSpace
    /// The space, with NB201's cells also held by their concrete type (sampled and mutated by direct calls).
    private let proposalSpace: StrategySpace
    private let seed: UInt64

    /// Creates the strategy; throws when the population or sample size is invalid.
    public init(space: any SearchSpace, populationSize: Int = TournamentEvolution.entry.integer("population"),
                sampleSize: Int = TournamentEvolution.entry.integer("sample"), seed: UInt64) throws {
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
    func askOne() throws -> Proposal? { core.askOne(space: proposalSpace) }
    func tell(_ proposal: Proposal, score: Double, result: () -> TrialResult) throws {
        try core.tell(proposal, score: score, strategy: name)
    }
    public func checkpoint() throws -> Data { try StateCoding.encode(core, strategy: name) }
    public func restore(from data: Data) throws { core = try StateCoding.decode(EvolutionCore.self, from: data, strategy: name) }
}

extension TournamentEvolution {
    /// The registry's entry.
    public static let entry = StrategyEntry(
        "tournament", summary: "plain tournament evolution (the worst member dies)",
        help: "Like evolution, but each step removes the WORST member of the population instead of the oldest: the non-aging tournament selection that regularised evolution is compared with.",
        paper: "Real et al., Regularized Evolution for Image Classifier Architecture Search, AAAI 2019 (the non-aging baseline); Goldberg & Deb 1991",
        parameters: [StrategyParameter("population", 10, help: "how many architectures the population holds"),
                     StrategyParameter("sample", 3, help: "how many members each tournament draws")]) { c in
        try TournamentEvolution(space: c.space, populationSize: c.int("population"), sampleSize: c.int("sample"), seed: c.seed)
    }
}
