import NASCore
import NASSpaces

/// Once-for-all's specialisation without retraining (Cai et al. §3.3): an accuracy predictor, then evolution under a latency target.
///
/// First `samples` sub-networks drawn uniformly from the space are scored with the supernet's
/// inherited weights (`measure`); an `MLPRegressor` on their one-hot encodings learns to predict
/// that accuracy. Then, per latency target, an evolutionary search (the paper's: a population of
/// sub-networks within the target, the best quarter kept as parents, half of the rest made by
/// mutation — each unit and the resolution redrawn with probability `mutation` — and half by
/// crossover of two parents, each child redrawn until it meets the target) maximises the
/// predicted accuracy for `generations` generations. The winner's accuracy is then measured with
/// the supernet. Every draw comes from `seed`.
public struct SubnetSpecialiser: Sendable {
    /// Sub-networks measured to fit the predictor.
    public var samples: Int
    /// The evolution's population and generations.
    public var population: Int, generations: Int
    /// The probability that a mutation redraws each unit (and the resolution).
    public var mutation: Double
    /// The seed of every draw.
    public var seed: UInt64

    /// A specialiser; the defaults are small enough for a CPU-trained supernet.
    public init(samples: Int = 100, population: Int = 100, generations: Int = 30, mutation: Double = 0.1, seed: UInt64 = 1) {
        self.samples = max(samples, 2)
        self.population = max(population, 4)
        self.generations = max(generations, 1)
        self.mutation = mutation
        self.seed = seed
    }

    /// The best sub-network found for each latency target (seconds): `measure` gives a sub-network's
    /// validation and test accuracy with the supernet, `latency` its estimated latency.
    public func specialise(space: OFASpace, targets: [Double], latency: CostLatency, cancel: CancellationToken,
                           measure: (Architecture, Bool) throws -> (accuracy: Double, test: Double)) throws -> [SpecialisedSubnet] {
        var rng = SeededRandom(seed: seed)
        let predictor = try fitPredictor(space: space, rng: &rng, cancel: cancel) { try measure($0, false).accuracy }
        return try targets.map { target in
            let (best, predicted) = try evolve(space: space, target: target, latency: latency, predictor: predictor, rng: &rng,
                                               cancel: cancel)
            let measured = try measure(best, true)
            return SpecialisedSubnet(target: target, architecture: best, latency: try latency.seconds(best),
                                     predictedAccuracy: predicted, accuracy: measured.accuracy, testAccuracy: measured.test)
        }
    }

    /// The accuracy predictor, fitted on `samples` uniformly drawn sub-networks' measured accuracy.
    func fitPredictor(space: OFASpace, rng: inout SeededRandom, cancel: CancellationToken,
                      accuracy: (Architecture) throws -> Double) throws -> (Architecture) throws -> Double {
        var xs: [[Double]] = [], ys: [Double] = []
        for _ in 0..<samples {
            try cancel.check()
            let a = space.sample(using: &rng)
            xs.append(try space.encode(a, as: .onehot))
            ys.append(try accuracy(a))
        }
        var model = MLPRegressor(inputs: xs[0].count, hidden: [64, 64], seed: rng.next())
        model.fit(xs, ys, epochs: 300, batchSize: 16, learningRate: 0.003, seed: rng.next())
        let fitted = model
        return { try fitted.predict(space.encode($0, as: .onehot)) }
    }

    /// The evolutionary search for one target: the best architecture by predicted accuracy, and that prediction.
    func evolve(space: OFASpace, target: Double, latency: CostLatency, predictor: (Architecture) throws -> Double,
                rng: inout SeededRandom, cancel: CancellationToken) throws -> (Architecture, Double) {
        var scored: [(Architecture, Double)] = []
        for _ in 0..<population {
            let a = try withinTarget(space: space, target: target, latency: latency, rng: &rng) { $0.sample(using: &$1) }
            scored.append((a, try predictor(a)))
        }
        let parents = max(population / 4, 2), mutants = (population - parents) / 2
        for _ in 0..<generations {
            try cancel.check()
            scored.sort { $0.1 > $1.1 }
            let kept = Array(scored.prefix(parents))
            var next = kept
            for child in 0..<(population - parents) {
                let a = try withinTarget(space: space, target: target, latency: latency, rng: &rng) { space, rng in
                    let p = kept[rng.nextInt(below: kept.count)].0
                    return child < mutants ? mutate(p, in: space, rng: &rng)
                        : space.crossover(p, kept[rng.nextInt(below: kept.count)].0, using: &rng)
                }
                next.append((a, try predictor(a)))
            }
            scored = next
        }
        return scored.max { $0.1 < $1.1 }!
    }

    /// Each unit (and the resolution) of `a` redrawn uniformly with probability `mutation`.
    func mutate(_ a: Architecture, in space: OFASpace, rng: inout SeededRandom) -> Architecture {
        let fresh = space.sample(using: &rng)
        var tokens = a.tokens, offset = 0
        for group in space.groups {
            let n = group.decisions.count
            if rng.nextDouble() < mutation { tokens.replaceSubrange(offset..<offset + n, with: fresh.tokens[offset..<offset + n]) }
            offset += n
        }
        return Architecture(space: space.name, tokens: tokens)
    }

    /// A candidate from `make` that meets the latency target, redrawn up to 1,000 times.
    private func withinTarget(space: OFASpace, target: Double, latency: CostLatency, rng: inout SeededRandom,
                              _ make: (OFASpace, inout SeededRandom) -> Architecture) throws -> Architecture {
        for _ in 0..<1000 {
            let a = make(space, &rng)
            if try latency.seconds(a) <= target { return a }
        }
        throw StrategyError("no sub-network within a latency of \(Quantity.seconds(target)) was found in 1,000 draws; "
            + "raise the target")
    }
}
