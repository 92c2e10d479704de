import NASCore
import NASSpaces

/// The population bookkeeping shared by regularised (aging) and tournament evolution.
///
/// Both fill a population of `populationSize` random architectures, then repeatedly pick the
/// best of `sampleSize` members drawn at random and propose a mutation of it. They differ only
/// in whom they remove when the population overflows: the oldest (aging) or the worst.
struct EvolutionCore: Codable {
    /// Which member leaves when the population is over its size.
    enum Removal: String, Codable { case oldest, worst }

    var populationSize: Int
    var sampleSize: Int
    var removal: Removal
    var rng: SeededRandom
    var counter = ProposalCounter()
    /// Members in age order, oldest first.
    var population: [Observation] = []
    /// How many initial random proposals have been made.
    var seeded = 0

    init(populationSize: Int, sampleSize: Int, removal: Removal, seed: UInt64) throws {
        guard populationSize >= 1 else { throw StrategyError("evolution needs a population of at least 1, not \(populationSize)") }
        guard (1...populationSize).contains(sampleSize) else {
            throw StrategyError("evolution's sample size must lie between 1 and the population (\(populationSize)), not \(sampleSize)")
        }
        self.populationSize = populationSize
        self.sampleSize = sampleSize
        self.removal = removal
        self.rng = SeededRandom(seed: seed)
    }

    /// The next proposals: random while seeding the population, then mutated tournament winners.
    mutating func ask(_ count: Int, space: any SearchSpace) -> [Proposal] {
        var proposals: [Proposal] = []
        for _ in 0..<max(count, 0) {
            if seeded < populationSize {
                seeded += 1
                proposals.append(counter.propose(space.sample(using: &rng)))
            } else if let parent = tournamentWinner() {
                proposals.append(counter.propose(space.mutate(parent.architecture, using: &rng)))
            } else {
                break
            }
        }
        return proposals
    }

    /// The best of `sampleSize` members drawn uniformly with replacement.
    mutating func tournamentWinner() -> Observation? {
        guard !population.isEmpty else { return nil }
        var best = population[rng.nextInt(below: population.count)]
        for _ in 1..<sampleSize {
            let candidate = population[rng.nextInt(below: population.count)]
            if candidate.score > best.score { best = candidate }
        }
        return best
    }

    /// Adds a told result and removes one member when over size.
    mutating func tell(_ proposal: Proposal, score: Double, strategy: String) throws {
        try counter.resolve(proposal, strategy: strategy)
        population.append(Observation(architecture: proposal.architecture, fidelity: proposal.fidelity, score: score))
        guard population.count > populationSize else { return }
        switch removal {
        case .oldest:
            population.removeFirst()
        case .worst:
            let worst = population.indices.min { population[$0].score < population[$1].score }!
            population.remove(at: worst)
        }
    }
}
