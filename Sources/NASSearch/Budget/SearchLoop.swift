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

        /// The best trial at the largest fidelity evaluated, if any trial was feasible (the first of equals).
        public var best: SearchTrial? {
            var top = Int.min
            for trial in trials { top = max(top, trial.proposal.fidelity.epochs ?? Int.max) }
            var best: Int?
            for i in trials.indices where (trials[i].proposal.fidelity.epochs ?? Int.max) == top && trials[i].score.isFinite {
                if best.map({ trials[i].score > trials[$0].score }) ?? true { best = i }
            }
            return best.map { trials[$0] }
        }
    }

    /// Runs `strategy` until the budget is spent or the strategy finishes.
    public func run(_ strategy: any SearchStrategy, cancel: CancellationToken = CancellationToken()) throws -> Outcome {
        guard budget.isLimited || !(strategy.isFinished) else { return Outcome(trials: [], spent: Spending()) }
        guard batchSize > 0 else { throw StrategyError("a search loop asks for at least 1 proposal at a time, not \(batchSize)") }
        var progress = Progress(expectedTrials: SearchLoop.expectedTrials(budget))
        while !budget.isExhausted(by: progress.spent), !strategy.isFinished {
            try cancel.check()
            let room = min(batchSize, budget.trials.map { $0 - progress.spent.trials } ?? batchSize)
            if room == 1 {
                guard let proposal = try strategy.askOne() else { try stopAfterEmptyAsk(strategy); break }
                try evaluate(proposal, for: strategy, into: &progress, cancel: cancel)
            } else {
                let proposals = try strategy.ask(room)
                if proposals.isEmpty { try stopAfterEmptyAsk(strategy); break }
                for proposal in proposals { try evaluate(proposal, for: strategy, into: &progress, cancel: cancel) }
            }
        }
        progress.spent.wallSeconds = Date().timeIntervalSince(progress.start)
        return Outcome(trials: progress.trials, spent: progress.spent)
    }

    /// What a run has done so far.
    private struct Progress {
        var spent = Spending()
        var trials: [SearchTrial] = []
        var tracker = IncumbentTracker()
        let start = Date()

        init(expectedTrials: Int) { trials.reserveCapacity(expectedTrials) }
    }

    /// Evaluates one proposal, records the trial and tells the strategy.
    private func evaluate(_ proposal: consuming Proposal, for strategy: any SearchStrategy, into progress: inout Progress,
                          cancel: CancellationToken) throws {
        let result = try evaluator.evaluate(proposal.architecture, in: space, fidelity: proposal.fidelity,
                                            seed: seed &+ UInt64(progress.trials.count), cancel: cancel)
        let score = objective.score(result)
        progress.spent.trials += 1
        progress.spent.simulatedSeconds += result.simulatedSeconds
        if budget.wallSeconds != nil { progress.spent.wallSeconds = Date().timeIntervalSince(progress.start) }
        progress.tracker.record(score, fidelity: proposal.fidelity)
        try strategy.tell(proposal, result: result, score: score)
        progress.trials.append(SearchTrial(proposal: consume proposal, result: consume result, score: score,
                                           simulatedClock: progress.spent.simulatedSeconds, bestScore: progress.tracker.best))
    }

    /// Ends the run quietly when the strategy has finished; throws when it proposed nothing while waiting for nothing.
    private func stopAfterEmptyAsk(_ strategy: any SearchStrategy) throws {
        if strategy.isFinished { return }
        throw StrategyError("\(strategy.name) proposed nothing although every result was told")
    }

    /// Room reserved for the trial records up front: the trial budget when there is one (up to
    /// 4,096), else 256, about what a simulated NATS-Bench budget buys; the array grows past it.
    static func expectedTrials(_ budget: Budget) -> Int {
        budget.trials.map { min(max($0, 0), 4096) } ?? 256
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
