import Foundation
import NASCore
import NASSpaces

/// Multi-objective evolution in the style of NSGA-II (Deb et al. 2002), returning a Pareto front.
///
/// A population of `populationSize` random architectures; each generation breeds as many
/// children by binary tournaments (lower front rank wins, then larger crowding distance),
/// uniform crossover and one mutation, then keeps the best `populationSize` of parents and
/// children by non-dominated sorting and crowding distance. Each objective scores a result on
/// its own (constraints included: an infeasible trial is dominated by every feasible one);
/// the scalar score `tell` receives is ignored.
public final class NSGA2: SearchStrategy {
    /// One evaluated architecture with its objective vector (every component higher-is-better).
    public struct Point: Sendable, Hashable, Codable {
        /// The architecture.
        public var architecture: Architecture
        /// One oriented score per objective.
        public var values: [Double]
    }

    struct State: Codable {
        var rng: SeededRandom
        var counter = ProposalCounter()
        var population: [Point] = []
        var children: [Point] = []
        var archive: [Point] = []
        var seeded = 0
        var bred = 0
        var generation = 0
    }

    private let space: any SearchSpace
    private let seed: UInt64
    /// The objectives, each turned into one "higher is better" component.
    public let objectives: [Objective]
    private let populationSize: Int
    private let crossoverRate: Double
    private var state: State

    /// Creates the strategy; needs at least two objectives and a population of at least 4.
    public init(space: any SearchSpace, objectives: [Objective], populationSize: Int = NSGA2.entry.integer("population"),
                crossoverRate: Double = NSGA2.entry.number("crossover"),
                seed: UInt64) throws {
        guard objectives.count >= 2 else { throw StrategyError("multi-objective search needs at least two objectives") }
        guard populationSize >= 4 else { throw StrategyError("NSGA-II needs a population of at least 4, not \(populationSize)") }
        self.space = space
        self.seed = seed
        self.objectives = objectives
        self.populationSize = populationSize
        self.crossoverRate = crossoverRate
        self.state = State(rng: SeededRandom(seed: seed))
    }

    public var name: String { "nsga2" }
    public var settings: [String: String] {
        ["population": "\(populationSize)", "crossover": "\(crossoverRate)", "seed": "\(seed)",
         "objectives": objectives.map(\.description).joined(separator: "; ")]
    }
    public var isFinished: Bool { false }

    /// Generations completed.
    public var generation: Int { state.generation }

    /// The non-dominated architectures among everything evaluated, with their objective vectors.
    public var paretoFront: [Point] {
        ParetoFront.front(state.archive.map(\.values)).map { state.archive[$0] }
    }

    public func ask(_ count: Int) throws -> [Proposal] {
        var out: [Proposal] = []
        while out.count < count {
            if state.seeded < populationSize {
                state.seeded += 1
                out.append(state.proposeRandom(space: space))
            } else if state.population.count == populationSize, state.bred < populationSize {
                state.bred += 1
                out.append(state.breed(space: space, crossoverRate: crossoverRate))
            } else {
                break
            }
        }
        return out
    }

    public func tell(_ proposal: Proposal, result: TrialResult, score: Double) throws {
        try state.counter.resolve(proposal, strategy: name)
        let told = result
        let point = Point(architecture: proposal.architecture, values: objectives.map { $0.score(told) })
        state.archive.append(point)
        if state.population.count < populationSize && state.generation == 0 && state.bred == 0 {
            state.population.append(point)
        } else {
            state.children.append(point)
            if state.children.count == populationSize { state.selectSurvivors(size: populationSize) }
        }
    }

    public func checkpoint() throws -> Data { try StateCoding.encode(state, strategy: name) }
    public func restore(from data: Data) throws { state = try StateCoding.decode(State.self, from: data, strategy: name) }
}

extension NSGA2.State {
    mutating func proposeRandom(space: any SearchSpace) -> Proposal {
        let a = space.sample(using: &rng)
        return counter.propose(a)
    }

    /// A child of two tournament winners: crossover with probability `crossoverRate`, then one mutation.
    mutating func breed(space: any SearchSpace, crossoverRate: Double) -> Proposal {
        let (rank, crowding) = NSGA2.State.rankAndCrowding(population)
        let a = tournament(rank: rank, crowding: crowding)
        let b = tournament(rank: rank, crowding: crowding)
        var child = population[a].architecture
        if rng.nextDouble() < crossoverRate {
            child = space.crossover(population[a].architecture, population[b].architecture, using: &rng)
            if (try? space.validate(child)) == nil { child = population[a].architecture }
        }
        child = space.mutate(child, using: &rng)
        return counter.propose(child)
    }

    /// The winner of a binary tournament.
    mutating func tournament(rank: [Int], crowding: [Double]) -> Int {
        let i = rng.nextInt(below: population.count), j = rng.nextInt(below: population.count)
        if rank[i] != rank[j] { return rank[i] < rank[j] ? i : j }
        return crowding[i] >= crowding[j] ? i : j
    }

    /// Keeps the best `size` of parents and children by front, then crowding distance.
    mutating func selectSurvivors(size: Int) {
        let merged = population + children
        let points = merged.map(\.values)
        var survivors: [NSGA2.Point] = []
        for front in ParetoFront.nonDominatedSort(points) {
            if survivors.count + front.count <= size {
                survivors += front.map { merged[$0] }
            } else {
                let distance = ParetoFront.crowdingDistance(points, front: front)
                let order = front.indices.sorted { distance[$0] > distance[$1] }
                survivors += order.prefix(size - survivors.count).map { merged[front[$0]] }
                break
            }
        }
        population = survivors
        children = []
        bred = 0
        generation += 1
    }

    /// Each member's front rank and crowding distance.
    static func rankAndCrowding(_ population: [NSGA2.Point]) -> ([Int], [Double]) {
        let points = population.map(\.values)
        var rank = [Int](repeating: 0, count: points.count)
        var crowding = [Double](repeating: 0, count: points.count)
        for (r, front) in ParetoFront.nonDominatedSort(points).enumerated() {
            let d = ParetoFront.crowdingDistance(points, front: front)
            for (k, i) in front.enumerated() {
                rank[i] = r
                crowding[i] = d[k]
            }
        }
        return (rank, crowding)
    }
}

extension NSGA2 {
    /// The registry's entry.
    public static let entry = StrategyEntry(
        "nsga2", summary: "NSGA-II: multi-objective evolution towards a Pareto front",
        help: "Evolves a population by binary tournaments (lower non-domination rank wins, then larger crowding distance), uniform crossover and mutation, keeping the best of parents and children by non-dominated sorting and crowding distance. Needs two or more objectives: launch it with objective: [maximize(\"accuracy\"), minimize(\"latency\")]; the run's trials then trace the Pareto front (see pareto()).",
        paper: "Deb et al., A Fast and Elitist Multiobjective Genetic Algorithm: NSGA-II, IEEE TEC 2002",
        parameters: [StrategyParameter("population", 20, minimum: 4, help: "how many architectures the population holds"),
                     StrategyParameter("crossover", 0.5, integer: false, minimum: 0, maximum: 1, help: "the probability of crossover, in [0, 1]")]) { c in
        guard c.objectives.count >= 2 else {
            throw StrategyError("nsga2 needs two or more objectives: launch it with objective: [maximize(\"accuracy\"), minimize(\"latency\")]")
        }
        return try NSGA2(space: c.space, objectives: c.objectives, populationSize: c.int("population"),
                         crossoverRate: c.double("crossover"), seed: c.seed)
    }
}
