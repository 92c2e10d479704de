import Foundation
import NASCore
import NASSpaces

/// Drives a strategy synchronously against an evaluator until the budget is spent: ask, evaluate, tell.
///
/// A small, pure, in-memory driver for tests, benches and the language's quick searches; the
/// persistent, resumable run loop with workers lives in the engine. The incumbent is the best
/// trial evaluated at the largest fidelity seen (so a successive-halving run is not credited with
/// a lucky low-fidelity score).
public struct SearchLoop {
    /// The space searched.
    public let space: any SearchSpace
    /// The evaluator asked for metrics.
    public let evaluator: any Evaluator
    /// What the search wants.
    public let objective: Objective
    /// When to stop.
    public let budget: Budget
    /// Proposals asked for at a time.
    public let batchSize: Int
    /// Seed for evaluator noise; trial `i` gets `seed + i`.
    public let seed: UInt64

    /// Creates a loop.
    public init(space: any SearchSpace, evaluator: any Evaluator, objective: Objective = .maximize(),
                budget: Budget, batchSize: Int = 1, seed: UInt64 = 0) {
        self.space = space
        self.evaluator = evaluator
        self.objective = objective
        self.budget = budget
        self.batchSize = batchSize
        self.seed = seed
    }

    /// The outcome of a run: every trial in order and what was spent.
    public struct Outcome: Sendable {
        /// Every trial, in the order evaluated.
        public var trials: [SearchTrial]
        /// What was spent.
        public var spent: Spending

        /// The best trial at the largest fidelity evaluated, if any trial was feasible.
        public var best: SearchTrial? {
            let top = trials.map { $0.proposal.fidelity.epochs ?? Int.max }.max()
            return trials.filter { ($0.proposal.fidelity.epochs ?? Int.max) == top && $0.score.isFinite }
                .max { $0.score < $1.score }
        }
    }

    /// Runs `strategy` until the budget is spent or the strategy finishes.
    public func run(_ strategy: any SearchStrategy, cancel: CancellationToken = CancellationToken()) throws -> Outcome {
        guard budget.isLimited || !(strategy.isFinished) else { return Outcome(trials: [], spent: Spending()) }
        guard batchSize > 0 else { throw StrategyError("a search loop asks for at least 1 proposal at a time, not \(batchSize)") }
        var spent = Spending()
        var trials: [SearchTrial] = []
        var tracker = IncumbentTracker()
        let start = Date()
        while !budget.isExhausted(by: spent), !strategy.isFinished {
            try cancel.check()
            let proposals = try strategy.ask(min(batchSize, budget.trials.map { $0 - spent.trials } ?? batchSize))
            if proposals.isEmpty {
                if strategy.isFinished { break }
                throw StrategyError("\(strategy.name) proposed nothing although every result was told")
            }
            for proposal in proposals {
                let result = try evaluator.evaluate(proposal.architecture, in: space, fidelity: proposal.fidelity,
                                                    seed: seed &+ UInt64(trials.count), cancel: cancel)
                let score = objective.score(result)
                spent.trials += 1
                spent.simulatedSeconds += result.simulatedSeconds
                if budget.wallSeconds != nil { spent.wallSeconds = Date().timeIntervalSince(start) }
                tracker.record(score, fidelity: proposal.fidelity)
                trials.append(SearchTrial(proposal: proposal, result: result, score: score,
                                          simulatedClock: spent.simulatedSeconds, bestScore: tracker.best))
                try strategy.tell(proposal, result: result, score: score)
            }
        }
        spent.wallSeconds = Date().timeIntervalSince(start)
        return Outcome(trials: trials, spent: spent)
    }
}

/// The best score at the largest fidelity seen so far.
struct IncumbentTracker {
    /// The largest epoch count seen (`Int.max` for full fidelity).
    private var topFidelity = Int.min
    /// The best score at that fidelity.
    private(set) var best = -Double.infinity

    /// Records one trial.
    mutating func record(_ score: Double, fidelity: Fidelity) {
        let level = fidelity.epochs ?? Int.max
        if level > topFidelity {
            topFidelity = level
            best = score
        } else if level == topFidelity {
            best = max(best, score)
        }
    }
}
