import Foundation
import NASCore
import NASSpaces

/// Drives a strategy synchronously against an evaluator until the budget is spent: ask, evaluate, tell.
///
/// A small, pure, in-memory driver for simulated studies on tabular benchmarks (many seeds of
/// many strategies), tests and benches; the persistent, resumable run loop with workers and a
/// store lives in the engine. The incumbent is the best trial evaluated at the largest fidelity
/// seen (so a successive-halving run is not credited with a lucky low-fidelity score).
///
/// When the evaluator offers a `ResultTable` for a proposal's fidelity, the loop reads the
/// proposal's row in place instead of calling the evaluator, and records the row's number.
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
        public var trials: TrialLog
        /// What was spent.
        public var spent: Spending

        /// The best trial at the largest fidelity evaluated, if any trial was feasible (the first of equals).
        public var best: SearchTrial? {
            let records = trials.records
            var top = Int.min
            for record in records { top = max(top, record.proposal.fidelity.epochs ?? Int.max) }
            var best: Int?
            for i in records.indices where (records[i].proposal.fidelity.epochs ?? Int.max) == top && records[i].score.isFinite {
                if best.map({ records[i].score > records[$0].score }) ?? true { best = i }
            }
            return best.map { trials[$0] }
        }
    }

    /// Runs `strategy` until the budget is spent or the strategy finishes.
    public func run(_ strategy: any SearchStrategy, cancel: CancellationToken = CancellationToken()) throws -> Outcome {
        // The loop is compiled for each built-in strategy whose ask and tell cost about as much as the loop
        // itself on a table (evolution, random, local and grid search), so that it calls them directly rather
        // than through the protocol's witness table (on NB201 that is a tenth of a trial's cost); any other
        // strategy is driven through the protocol.
        switch strategy {
        case let evolution as RegularizedEvolution: return try drive(evolution, cancel: cancel)
        case let tournament as TournamentEvolution: return try drive(tournament, cancel: cancel)
        case let random as RandomSearch: return try drive(random, cancel: cancel)
        case let local as LocalSearch: return try drive(local, cancel: cancel)
        case let grid as GridSearch: return try drive(grid, cancel: cancel)
        default: return try drive(strategy, cancel: cancel)
        }
    }

    /// The loop, generic so that it is compiled once per built-in strategy with direct calls to its ask and tell.
    private func drive<Strategy: SearchStrategy>(_ strategy: Strategy, cancel: CancellationToken) throws -> Outcome {
        guard budget.isLimited || !(strategy.isFinished) else { return Outcome(trials: TrialLog(), spent: Spending()) }
        guard batchSize > 0 else { throw StrategyError("a search loop asks for at least 1 proposal at a time, not \(batchSize)") }
        var progress = Progress(expectedTrials: SearchLoop.expectedTrials(budget))
        // A batch is evaluated whole before the budget is checked again; one proposal at a time is asked
        // without an array. Both reach the one call of `evaluate` below.
        var batch: [Proposal] = []
        var nextInBatch = 0
        while true {
            let proposal: Proposal
            if nextInBatch < batch.count {
                proposal = batch[nextInBatch]
                nextInBatch += 1
            } else {
                guard !budget.isExhausted(by: progress.spent), !strategy.isFinished else { break }
                try cancel.check()
                let room = min(batchSize, budget.trials.map { $0 - progress.spent.trials } ?? batchSize)
                if room == 1 {
                    guard let one = try strategy.askOne() else { try stopAfterEmptyAsk(strategy); break }
                    proposal = one
                } else {
                    batch = try strategy.ask(room)
                    guard let first = batch.first else { try stopAfterEmptyAsk(strategy); break }
                    proposal = first
                    nextInBatch = 1
                }
            }
            try evaluate(proposal, for: strategy, into: &progress, cancel: cancel)
        }
        progress.spent.wallSeconds = Date().timeIntervalSince(progress.start)
        return Outcome(trials: progress.trials, spent: progress.spent)
    }

    /// What a run has done so far.
    private struct Progress {
        var spent = Spending()
        var trials: TrialLog
        var tracker = IncumbentTracker()
        /// The evaluator's result table at each fidelity asked for so far (nil: it has none there).
        var lanes: [(fidelity: Fidelity, lane: TableLane)] = []
        /// The lane of the fidelity asked for last (`TableLane.none` when the evaluator has no table
        /// there), and that fidelity. Read in place: a lane is too large to copy per trial.
        var lane = TableLane.none
        var laneFidelity: Fidelity?
        let start = Date()

        init(expectedTrials: Int) { trials = TrialLog(capacity: expectedTrials) }
    }

    /// Evaluates one proposal, records the trial and tells the strategy: from the current result table
    /// when it has the proposal's row, else by calling the evaluator. (Transparent: left out of line, as
    /// the optimizer otherwise leaves it, each trial's proposal is copied once more.)
    @_transparent
    private func evaluate(_ proposal: Proposal, for strategy: some SearchStrategy, into progress: inout Progress,
                          cancel: CancellationToken) throws {
        if proposal.fidelity != progress.laneFidelity { selectLane(for: proposal.fidelity, in: &progress) }
        guard let row = progress.lane.row(of: proposal.architecture) else {
            return try evaluateByCall(proposal, for: strategy, into: &progress, cancel: cancel)
        }
        let score = progress.lane.scores[row]
        account(score, seconds: progress.lane.seconds[row], of: proposal, in: &progress)
        let table = progress.lane.table.unsafelyUnwrapped
        try strategy.tell(proposal, result: table.takeUnretainedValue()[row], score: score)
        progress.trials.append(proposal, table: progress.lane.position, row: row, score: score,
                               clock: progress.spent.simulatedSeconds, best: progress.tracker.best)
    }

    /// Evaluates one proposal by calling the evaluator, records the trial and tells the strategy.
    @inline(never)
    private func evaluateByCall(_ proposal: Proposal, for strategy: some SearchStrategy, into progress: inout Progress,
                                cancel: CancellationToken) throws {
        let result = try evaluator.evaluate(proposal.architecture, in: space, fidelity: proposal.fidelity,
                                            seed: seed &+ UInt64(progress.trials.count), cancel: cancel)
        let score = objective.score(result)
        account(score, seconds: result.simulatedSeconds, of: proposal, in: &progress)
        try strategy.tell(proposal, result: result, score: score)
        progress.trials.append(proposal, result: result, score: score, clock: progress.spent.simulatedSeconds,
                               best: progress.tracker.best)
    }

    /// Adds a trial's cost to what was spent and its score to the incumbent.
    private func account(_ score: Double, seconds: Double, of proposal: Proposal, in progress: inout Progress) {
        progress.spent.trials += 1
        progress.spent.simulatedSeconds += seconds
        if budget.wallSeconds != nil { progress.spent.wallSeconds = Date().timeIntervalSince(progress.start) }
        progress.tracker.record(score, fidelity: proposal.fidelity)
    }

    /// Makes the evaluator's result table at `fidelity` (with its score column) the current lane, asking
    /// the evaluator once per fidelity.
    private func selectLane(for fidelity: Fidelity, in progress: inout Progress) {
        progress.laneFidelity = fidelity
        if let known = progress.lanes.first(where: { $0.fidelity == fidelity }) {
            progress.lane = known.lane
            return
        }
        let lane = evaluator.resultTable(for: space, fidelity: fidelity).map { table in
            TableLane(table: Unmanaged.passUnretained(table), position: progress.trials.position(of: table), code: table.code,
                      scores: table.column(objective.columnKey) { objective.score($0) }, seconds: table.simulatedSeconds)
        }
        progress.lanes.append((fidelity, lane ?? .none))
        progress.lane = lane ?? .none
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
