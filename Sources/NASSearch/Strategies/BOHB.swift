import Foundation
import NASCore
import NASSpaces

/// BOHB (Falkner et al., ICML 2018): Hyperband whose new architectures come from a TPE-style model.
///
/// The model is fitted on the observations at the largest fidelity that has at least
/// `minPoints` of them (BOHB's rule: trust the most expensive budget with enough data), using
/// the categorical Parzen estimator with the top `gamma` fraction as "good"; a `randomFraction`
/// of architectures stays uniformly random, as in the paper, to keep exploring.
public final class BOHB: SearchStrategy {
    private var scheduler: BracketScheduler
    private let space: any SearchSpace
    private let seed: UInt64
    private let gamma: Double
    private let randomFraction: Double
    private let candidates: Int
    private let minPoints: Int

    /// Creates the strategy over the evaluator's epochs.
    public init(space: any SearchSpace, maxEpochs: Int, eta: Int = BOHB.entry.integer("eta"), minEpochs: Int = BOHB.entry.integer("min_epochs"),
                gamma: Double = BOHB.entry.number("gamma"), randomFraction: Double = BOHB.entry.number("random_fraction"),
                candidates: Int = BOHB.entry.integer("candidates"), minPoints: Int? = nil, seed: UInt64) throws {
        guard gamma > 0, gamma < 1, (0...1).contains(randomFraction), candidates >= 1 else {
            throw StrategyError("BOHB needs γ in (0, 1), a random fraction in [0, 1] and at least one candidate")
        }
        let ladder = try BudgetLadder(maxEpochs: maxEpochs, eta: eta, minEpochs: minEpochs)
        self.space = space
        self.seed = seed
        self.gamma = gamma
        self.randomFraction = randomFraction
        self.candidates = candidates
        self.minPoints = minPoints ?? space.decisions.count + 2
        self.scheduler = BracketScheduler(ladder: ladder, order: Array(stride(from: ladder.maxBracket, through: 0, by: -1)),
                                          rng: SeededRandom(seed: seed))
    }

    public var name: String { "bohb" }
    public var settings: [String: String] {
        ["max_epochs": "\(scheduler.ladder.maxEpochs)", "eta": "\(scheduler.ladder.eta)",
         "min_epochs": "\(scheduler.ladder.minEpochs)", "gamma": "\(gamma)",
         "random_fraction": "\(randomFraction)", "candidates": "\(candidates)", "seed": "\(seed)"]
    }
    public var isFinished: Bool { false }

    public func ask(_ count: Int) throws -> [Proposal] {
        let space = self.space
        let (gamma, randomFraction, candidates, minPoints) = (self.gamma, self.randomFraction, self.candidates, self.minPoints)
        return scheduler.ask(count) { rng, observations, _ in
            BOHB.draw(space: space, observations: observations, gamma: gamma, randomFraction: randomFraction,
                      candidates: candidates, minPoints: minPoints, rng: &rng)
        }
    }

    public func tell(_ proposal: Proposal, result: TrialResult, score: Double) throws {
        try scheduler.tell(proposal, score: score, strategy: name)
    }
    public func checkpoint() throws -> Data { try StateCoding.encode(scheduler, strategy: name) }
    public func restore(from data: Data) throws { scheduler = try StateCoding.decode(BracketScheduler.self, from: data, strategy: name) }

    /// One new architecture: random with probability `randomFraction` or without a model, else the model's choice.
    static func draw(space: any SearchSpace, observations: [Observation], gamma: Double, randomFraction: Double,
                     candidates: Int, minPoints: Int, rng: inout SeededRandom) -> Architecture {
        if rng.nextDouble() < randomFraction { return space.sample(using: &rng) }
        var byFidelity: [Int: [Observation]] = [:]
        for o in observations { byFidelity[o.fidelity.epochs ?? Int.max, default: []].append(o) }
        guard let level = byFidelity.keys.filter({ byFidelity[$0]!.count >= minPoints }).max(),
              let model = CategoricalParzenModel(observations: byFidelity[level]!,
                                                 optionCounts: space.decisions.map(\.count), gamma: gamma) else {
            return space.sample(using: &rng)
        }
        let valid: ([Int]) -> Bool = { (try? space.validate(Architecture(space: space.name, tokens: $0))) != nil }
        guard let tokens = model.propose(candidates: candidates, rng: &rng, isAllowed: valid) else {
            return space.sample(using: &rng)
        }
        return Architecture(space: space.name, tokens: tokens)
    }
}

extension BOHB {
    /// The registry's entry.
    public static let entry = StrategyEntry(
        "bohb", summary: "BOHB: Hyperband with a TPE model choosing new architectures",
        help: "Hyperband's brackets, but new architectures come from a TPE-style model fitted on the largest fidelity with enough results (a random_fraction stays uniformly random to keep exploring).",
        paper: "Falkner et al., BOHB: Robust and Efficient Hyperparameter Optimization at Scale, ICML 2018",
        parameters: BudgetLadder.parameters + [
            StrategyParameter("gamma", 0.15, integer: false, minimum: 1e-9, maximum: 1, help: "the fraction counted as good"),
            StrategyParameter("random_fraction", 1.0 / 3.0, integer: false, minimum: 0, maximum: 1, help: "the share of random architectures"),
            StrategyParameter("candidates", 64, help: "draws scored per proposal"),
        ]) { c in
        try BOHB(space: c.space, maxEpochs: c.topEpochs(), eta: c.int("eta"), minEpochs: c.int("min_epochs"), gamma: c.double("gamma"),
                 randomFraction: c.double("random_fraction"), candidates: c.int("candidates"), seed: c.seed)
    }
}
