import Foundation
import NASCore
import NASSearch
import NASSpaces

/// Helpers to run a strategy for a budget and summarise over seeds.
enum Runs {
    /// The best full-fidelity accuracy a strategy reaches in `trials` on the evaluator.
    static func bestAccuracy(_ strategy: any SearchStrategy, space: any SearchSpace,
                             evaluator: HiddenTargetEvaluator, trials: Int, batchSize: Int = 1) throws -> Double {
        let loop = SearchLoop(space: space, evaluator: evaluator, budget: .trials(trials), batchSize: batchSize)
        let outcome = try loop.run(strategy)
        return outcome.best.map { evaluator.finalAccuracy($0.proposal.architecture.tokens) } ?? 0
    }

    /// Whether a strategy evaluates the evaluator's target within `trials`.
    static func findsTarget(_ strategy: any SearchStrategy, space: any SearchSpace,
                            evaluator: HiddenTargetEvaluator, trials: Int, batchSize: Int = 1) throws -> Bool {
        let loop = SearchLoop(space: space, evaluator: evaluator, budget: .trials(trials), batchSize: batchSize)
        let outcome = try loop.run(strategy)
        return outcome.trials.contains { $0.proposal.architecture.tokens == evaluator.target }
    }

    /// The mean over `seeds` of `body(seed)`.
    static func mean(seeds: Range<UInt64>, _ body: (UInt64) throws -> Double) rethrows -> Double {
        var total = 0.0
        for s in seeds { total += try body(s) }
        return total / Double(seeds.count)
    }
}
