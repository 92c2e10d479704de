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
    var population = AgedPopulation()
    /// How many initial random proposals have been made.
    var seeded = 0
    /// Mutants drawn per child and screened by a surrogate (1: no screening).
    var screening = 1
    /// The encoding the surrogate reads, when screening.
    var encoding: ArchitectureEncoding = .onehot
    /// Every result, kept for the surrogate when screening.
    var history: [Observation] = []

    init(populationSize: Int, sampleSize: Int, removal: Removal, seed: UInt64) throws {
        guard populationSize >= 1 else { throw StrategyError("evolution needs a population of at least 1, not \(populationSize)") }
        guard (1...populationSize).contains(sampleSize) else {
            throw StrategyError("evolution's sample size must lie between 1 and the population (\(populationSize)), not \(sampleSize)")
        }
        self.populationSize = populationSize
        self.sampleSize = sampleSize
        self.removal = removal
        self.rng = SeededRandom(seed: seed)
        population = AgedPopulation(capacity: populationSize + 1)
    }

    /// The next proposals: random while seeding the population, then mutated tournament winners.
    mutating func ask(_ count: Int, space: any SearchSpace) -> [Proposal] {
        let surrogate = screening > 1 ? fittedSurrogate(space: space) : nil
        var proposals: [Proposal] = []
        proposals.reserveCapacity(max(count, 0))
        for _ in 0..<max(count, 0) {
            guard let proposal = next(space: space, surrogate: surrogate) else { break }
            proposals.append(proposal)
        }
        return proposals
    }

    /// The next proposal alone (`ask(1)` without the array); NB201's cell space is sampled and mutated by
    /// direct calls.
    @inline(__always) mutating func askOne(space: StrategySpace) -> Proposal? {
        if let nb201 = space.nb201 { return askOne(space: nb201) }
        return askOne(space: space.space)
    }

    /// The next proposal alone from `space`.
    @inline(__always) mutating func askOne(space: some SearchSpace) -> Proposal? {
        screening > 1 ? next(space: space, surrogate: fittedSurrogate(space: space)) : next(space: space)
    }

    /// One proposal: random while seeding the population, then a winner mutated (the best of `screening`
    /// mutants by the surrogate's prediction, when there is one).
    private mutating func next(space: any SearchSpace, surrogate: SurrogatePredictor?) -> Proposal? {
        guard let surrogate else { return next(space: space) }
        if seeded < populationSize {
            seeded += 1
            return counter.propose(space.sample(using: &rng))
        }
        guard let winner = tournamentWinner() else { return nil }
        return counter.propose(screenedChild(of: population.architecture(atRank: winner), space: space, surrogate: surrogate))
    }

    /// One proposal without screening: random while seeding the population, then a mutated tournament winner.
    @inline(__always) private mutating func next(space: some SearchSpace) -> Proposal? {
        if seeded < populationSize {
            seeded += 1
            return counter.propose(space.sample(using: &rng))
        }
        guard let winner = tournamentWinner() else { return nil }
        return counter.propose(space.mutate(population.architecture(atRank: winner), using: &rng))
    }

    /// A surrogate fitted on the history, once there are at least 10 results.
    func fittedSurrogate(space: any SearchSpace) -> SurrogatePredictor? {
        guard history.count >= 10 else { return nil }
        var floor = ScoreFloor()
        history.forEach { floor.observe($0.score) }
        guard let xs = try? history.map({ try space.encode($0.architecture, as: encoding) }) else { return nil }
        var surrogate = SurrogatePredictor()
        guard (try? surrogate.fit(xs, history.map { floor.finite($0.score) })) != nil else { return nil }
        return surrogate
    }

    /// The mutant, among `screening` drawn, with the best predicted score.
    mutating func screenedChild(of parent: Architecture, space: any SearchSpace, surrogate: SurrogatePredictor) -> Architecture {
        var best = space.mutate(parent, using: &rng)
        var bestMean = (try? space.encode(best, as: encoding)).map { surrogate.predict($0).mean } ?? -.infinity
        for _ in 1..<screening {
            let candidate = space.mutate(parent, using: &rng)
            let m = (try? space.encode(candidate, as: encoding)).map { surrogate.predict($0).mean } ?? -.infinity
            if m > bestMean { (best, bestMean) = (candidate, m) }
        }
        return best
    }

    /// The age rank of the best of `sampleSize` members drawn uniformly with replacement.
    @inline(__always) mutating func tournamentWinner() -> Int? {
        guard !population.isEmpty else { return nil }
        var random = rng  // a local copy keeps the generator's state in registers while drawing
        defer { rng = random }
        let count = population.count
        var best = random.nextInt(below: count)
        var bestScore = population.score(atRank: best)
        for _ in 1..<sampleSize {
            let candidate = random.nextInt(below: count)
            let score = population.score(atRank: candidate)
            if score > bestScore { (best, bestScore) = (candidate, score) }
        }
        return best
    }

    /// Adds a told result and removes one member when over size.
    @inline(__always) mutating func tell(_ proposal: Proposal, score: Double, strategy: String) throws {
        try counter.resolve(proposal, strategy: strategy)
        if screening > 1 { history.append(Observation(architecture: proposal.architecture, fidelity: proposal.fidelity, score: score)) }
        if removal == .oldest && population.count >= populationSize {
            population.replaceOldest(architecture: proposal.architecture, fidelity: proposal.fidelity, score: score)
            return
        }
        population.append(Observation(architecture: proposal.architecture, fidelity: proposal.fidelity, score: score))
        guard population.count > populationSize else { return }
        let worst = (0..<population.count).min { population.score(atRank: $0) < population.score(atRank: $1) }!
        population.remove(atRank: worst)
    }
}
