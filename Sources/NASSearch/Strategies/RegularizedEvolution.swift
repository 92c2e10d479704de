import Foundation
import NASCore
import NASSpaces

/// Regularised (aging) evolution (Real et al., AAAI 2019).
///
/// A population of `populationSize` architectures, first random; each cycle draws
/// `sampleSize` members at random, mutates the best of them, adds the child and removes the
/// *oldest* member, so every architecture's influence is limited by its age.
///
/// With `screening` above 1, each child is the best of that many mutants of the winner as
/// rated by a `SurrogatePredictor` fitted on every result so far (predictor-guided evolution,
/// as in NPENAS); the first 10 results are gathered without screening.
public final class RegularizedEvolution: SearchStrategy, LoopSpecialised {
    /// The population and its random stream (never accessed re-entrantly, so exclusivity is not checked at run time).
    @exclusivity(unchecked) private var core: EvolutionCore
    private let space: any SearchSpace
    /// The space, with NB201's cells also held by their concrete type (sampled and mutated by direct calls).
    private let proposalSpace: StrategySpace
    private let seed: UInt64

    /// Creates the strategy; throws when the population or sample size is invalid.
    public init(space: any SearchSpace, populationSize: Int = RegularizedEvolution.entry.integer("population"),
                sampleSize: Int = RegularizedEvolution.entry.integer("sample"),
                screening: Int = RegularizedEvolution.entry.integer("screening"),
                seed: UInt64) throws {
        guard screening >= 1 else { throw StrategyError("screening draws at least 1 mutant per child, not \(screening)") }
        self.space = space
        proposalSpace = StrategySpace(space)
        self.seed = seed
        self.core = try EvolutionCore(populationSize: populationSize, sampleSize: sampleSize, removal: .oldest, seed: seed)
        core.screening = screening
        core.encoding = screening > 1 ? EncodingChoice.best(for: space) : .onehot
    }

    public var name: String { "evolution" }
    public var settings: [String: String] {
        ["population": "\(core.populationSize)", "sample": "\(core.sampleSize)", "screening": "\(core.screening)",
         "seed": "\(seed)"]
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

extension RegularizedEvolution {
    /// The registry's entry.
    public static let entry = StrategyEntry(
        "evolution", aliases: ["rea", "regularized_evolution"], summary: "regularised (aging) evolution",
        help: "Keeps a population of the most recent `population` architectures. Each step draws `sample` of them at random, mutates the best of that sample into a child, adds the child and removes the OLDEST member (aging), so good architectures must keep being rediscovered. The first `population` proposals are random samples.",
        paper: "Real et al., Regularized Evolution for Image Classifier Architecture Search, AAAI 2019",
        parameters: [StrategyParameter("population", 10, help: "how many architectures the population holds"),
                     StrategyParameter("sample", 3, help: "how many members each tournament draws"),
                     StrategyParameter("screening", 1, help: "mutants per child, the best chosen by a surrogate predictor (1: plain regularised evolution)")]) { c in
        try RegularizedEvolution(space: c.space, populationSize: c.int("population"), sampleSize: c.int("sample"),
                                 screening: c.int("screening"), seed: c.seed)
    }
}
