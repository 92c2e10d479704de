import Foundation
import NASCore
import NASSpaces

/// The one search loop: ask → cache → evaluate → tell → account, until the budget is spent, the
/// strategy finishes, or someone cancels.
///
/// Every search goes through it: `simulate`'s in-memory studies, the engine's store-backed runs
/// (`launch`, `resume`), tests and benches. What differs between them is outside the loop: a
/// `TrialRecorder` (the store: each trial recorded as it starts and finishes, with the strategy's
/// checkpoint, and earlier identical work reused) and which trials are kept in memory
/// (`TrialKeeping`). The rules are the loop's alone:
///
/// - **Seed**: the evaluator gets the run's seed for every trial, so an architecture proposed twice
///   is the same work (and a recorder's cache may answer it).
/// - **Fidelity**: a proposal at `Fidelity.full` is evaluated at the run's `fidelity` (`epochs:`).
/// - **Budget**: one `Budget`; a trial that starts before it is spent runs to its end.
/// - **Incumbent and progress**: one `LoopTally`.
/// - **Equivalent architectures**: an evaluator that computes results from the network may answer
///   an equivalent architecture (same identity) with the result of one evaluated before in the
///   run; one that records each architecture (a table) is asked about the exact architecture.
///
/// A recorded run asks, evaluates and tells in batches (`SearchLoop+Recorded.swift`): evaluated on the loop's
/// thread, or by the recorder's queue workers, and told in sequence order once the whole batch is in.
///
/// When the evaluator offers a `ResultTable` for a trial's fidelity, the loop reads the trial's row
/// in place instead of calling the evaluator (FastPaths.swift). Trials whose evaluation throws end
/// the run with that error, recorded; trials whose evaluation fails (NaN, a network that cannot be
/// built) are failed trials, told to the strategy with the lowest score.
public struct SearchLoop {
    /// The space searched.
    public let space: any SearchSpace
    /// The evaluator asked for metrics.
    public private(set) var evaluator: any Evaluator
    /// What the search wants.
    public let objective: Objective
    /// When to stop.
    public let budget: Budget
    /// Proposals asked for at a time.
    public let batchSize: Int
    /// The run's seed, given to the evaluator for every trial.
    public let seed: UInt64
    /// The fidelity of proposals that leave it to the evaluator (`Fidelity.full`).
    public let fidelity: Fidelity
    /// Learning-curve early stopping of training trials, when wanted.
    public let earlyStopping: EarlyStopping?
    /// Which trials are kept in memory.
    public let keeping: TrialKeeping
    /// Whether proposals left at `Fidelity.full` are evaluated at `fidelity` instead (checked once, not per trial).
    private let appliesDefaultFidelity: Bool

    /// Creates a loop.
    public init(space: any SearchSpace, evaluator: any Evaluator, objective: Objective = .maximize(),
                budget: Budget, batchSize: Int = 1, seed: UInt64 = 0, fidelity: Fidelity = .full,
                earlyStopping: EarlyStopping? = nil, keeping: TrialKeeping = .every) {
        self.space = space
        self.evaluator = evaluator
        self.objective = objective
        self.budget = budget
        self.batchSize = batchSize
        self.seed = seed
        self.fidelity = fidelity
        self.earlyStopping = earlyStopping
        self.keeping = keeping
        appliesDefaultFidelity = !fidelity.isFull
    }

    /// The outcome of a run: the trials kept, what was spent, and the incumbent.
    public struct Outcome: Sendable {
        /// The trials kept (see `TrialKeeping`), in the order evaluated.
        public var trials: TrialLog
        /// What was spent, over every resume.
        public var spent: Spending { tally.spent }
        /// The run's count of trials, failures, cached results and its incumbent score.
        public var tally: LoopTally
        /// The best trial at the largest fidelity evaluated, if any trial was feasible (the first of equals).
        public var best: SearchTrial?
    }

    /// Runs `strategy` until the budget is spent or the strategy finishes, recording through `recorder` when given.
    ///
    /// A one-shot method (`WeightSharingStrategy`) gets the run's cancellation token, and its trials
    /// are evaluated by its own supernet evaluator instead of this loop's.
    public func run(_ strategy: any SearchStrategy, recorder: (any TrialRecorder)? = nil,
                    cancel: CancellationToken = CancellationToken()) throws -> Outcome {
        guard let shared = strategy as? any WeightSharingStrategy else { return try drive(strategy, recorder, cancel) }
        shared.attach(cancel: cancel)
        var loop = self
        loop.evaluator = shared.evaluator
        return try loop.drive(strategy, recorder, cancel)
    }

    /// Runs `strategy` with this loop's evaluator.
    private func drive(_ strategy: any SearchStrategy, _ recorder: (any TrialRecorder)?,
                       _ cancel: CancellationToken) throws -> Outcome {
        guard batchSize > 0 else { throw StrategyError("a search loop asks for at least 1 proposal at a time, not \(batchSize)") }
        var run = Run(keeping: keeping, recorder: recorder, cancel: cancel)
        if let recorder { try resume(strategy, from: recorder, into: &run) }
        let driven = strategy as? any LoopSpecialised ?? ProtocolDriven(strategy)
        try driven.driven(by: self, run: &run)
        try run.cancel.check()
        run.noteWallTime()
        return Outcome(trials: run.log, tally: run.tally, best: run.best.map { run.log.trial($0, own: run.bestResult) })
    }

    /// The state of one run of the loop.
    struct Run {
        var tally = LoopTally()
        var log: TrialLog
        /// How many trials the log may hold (0: it keeps none), and whether the incumbent is kept.
        let keepLimit: Int
        let keepsIncumbent: Bool
        /// The incumbent trial (its result is a table row, or `bestResult`), unless the run keeps no trial.
        var best: TrialLog.Record?
        var bestResult: TrialResult?
        let recorder: (any TrialRecorder)?
        let cancel: CancellationToken
        var sequence = 0
        var wallBefore = 0.0
        let start = Date()
        /// The evaluator's result table at each fidelity asked for so far (`TableCursor.none`: it has none there).
        var cursors: [(fidelity: Fidelity, cursor: TableCursor)] = []
        /// The cursor of the fidelity asked for last, and that (requested) fidelity. Read in place.
        var cursor = TableCursor.none
        var cursorFidelity: Fidelity?
        /// Results of this run by architecture identity and fidelity, for evaluators without a table.
        var computed: [String: TrialResult] = [:]
        /// The best final accuracy of fully trained trials, by their epochs (early stopping's incumbents).
        var fullyTrained: [Int: Double] = [:]

        init(keeping: TrialKeeping, recorder: (any TrialRecorder)?, cancel: CancellationToken) {
            self.recorder = recorder
            self.cancel = cancel
            if case .all(let limit) = keeping { keepLimit = max(limit, 1) } else { keepLimit = 0 }
            keepsIncumbent = keeping != .none
            log = TrialLog(capacity: min(keepLimit, 256))
        }

        /// Whether the trial just counted goes to the log; throws when the log is full.
        @inline(__always) func keepsEveryTrial() throws -> Bool {
            guard keepLimit > 0 else { return false }
            guard log.count < keepLimit else { throw StrategyError(SearchLoop.logFullMessage(keepLimit)) }
            return true
        }

        /// Remembers the trial just counted as the incumbent, answered by a row of the table at `table`
        /// (unless the run keeps no trial).
        @inline(__always) mutating func noteBest(_ asked: Proposal, table: Int, row: Int) {
            guard keepsIncumbent else { return }
            best = TrialLog.Record(proposal: asked, table: table, slot: row, score: tally.bestScore,
                                   simulatedClock: tally.spent.simulatedSeconds, bestScore: tally.bestScore)
        }

        /// Remembers the trial just counted as the incumbent, with its own result.
        mutating func noteBest(_ asked: Proposal, result: TrialResult) {
            guard keepsIncumbent else { return }
            noteBest(asked, table: -1, row: 0)
            bestResult = result
        }

        /// Brings the real time spent up to now.
        mutating func noteWallTime() { tally.spent.wallSeconds = wallBefore + Date().timeIntervalSince(start) }
    }

    /// The loop, compiled once per `LoopSpecialised` strategy type with direct calls to its ask and tell.
    func drive<Strategy: LoopSpecialised>(_ strategy: Strategy, run: inout Run) throws {
        guard budget.isLimited || !strategy.isFinished else { return }
        if run.recorder != nil { return try driveRecorded(strategy, run: &run) }
        if case .all(let limit) = keeping, let trials = budget.trials { run.log.reserve(min(trials, limit, 4096)) }
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
                guard !budget.isExhausted(by: run.tally.spent), !strategy.isFinished else { break }
                try run.cancel.check()
                let room = min(batchSize, budget.trials.map { $0 - run.tally.spent.trials } ?? batchSize)
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
            guard try evaluate(proposal, for: strategy, in: &run) else { break }
        }
    }

    /// Evaluates one proposal of an unrecorded run, tells the strategy and accounts for it; false when the run
    /// must stop (cancelled). From the current result table when it has the proposal's row, else through
    /// `evaluateByCall`; recorded runs go through `driveRecorded`. (Transparent: left out of line, as the optimizer
    /// otherwise leaves it, each trial's proposal is copied once more.)
    @_transparent
    private func evaluate(_ proposal: Proposal, for strategy: some LoopSpecialised, in run: inout Run) throws -> Bool {
        let asked = resolved(proposal)
        if asked.fidelity != run.cursorFidelity { selectCursor(for: asked.fidelity, in: &run) }
        guard let row = run.cursor.row(of: asked.architecture) else {
            return try evaluateByCall(proposal, for: strategy, in: &run)
        }
        let score = run.cursor.scores[row]
        let isBest = run.tally.count(score: score, fidelity: asked.fidelity, simulatedSeconds: run.cursor.seconds[row],
                                     failed: false, cached: false)
        if budget.wallSeconds != nil { run.noteWallTime() }
        let table = run.cursor.table.unsafelyUnwrapped
        try strategy.tell(proposal, score: score) { table.takeUnretainedValue()[row] }
        if try run.keepsEveryTrial() {
            run.log.append(asked, table: run.cursor.position, row: row, score: score, clock: run.tally.spent.simulatedSeconds,
                           best: run.tally.bestScore)
        }
        if isBest { run.noteBest(asked, table: run.cursor.position, row: row) }
        return true
    }

    /// Evaluates one proposal by calling the evaluator (or reusing this run's result for an equivalent
    /// architecture), tells the strategy and accounts for it.
    @inline(never)
    private func evaluateByCall(_ proposal: Proposal, for strategy: some LoopSpecialised, in run: inout Run) throws -> Bool {
        let asked = resolved(proposal)
        let key = evaluator.recordsEachArchitecture ? nil : "\(space.identity(proposal.architecture)) \(asked.fidelity)"
        let reused = key.flatMap { run.computed[$0] }
        let result: TrialResult
        if let reused { result = reused } else { result = try evaluateWatched(asked, in: &run) }
        if result.status == .cancelled || run.cancel.isCancelled { return false }
        if let key, reused == nil, result.status == .done { run.computed[key] = result }
        try conclude(proposal, asked: asked, result: result, cached: reused != nil, for: strategy, in: &run)
        return true
    }

    /// Accounts for a trial's result, tells the strategy and keeps the trial; returns its score.
    @discardableResult
    func conclude(_ proposal: Proposal, asked: Proposal, result: TrialResult, cached: Bool,
                  for strategy: some LoopSpecialised, in run: inout Run) throws -> Double {
        let score = objective.score(result)
        let isBest = run.tally.count(score: score, fidelity: asked.fidelity, simulatedSeconds: result.simulatedSeconds,
                                     failed: result.status == .failed, cached: cached)
        run.noteWallTime()
        noteFullyTrained(result, fidelity: asked.fidelity, in: &run)
        try strategy.tell(proposal, score: score) { result }
        if try run.keepsEveryTrial() {
            run.log.append(asked, result: result, score: score, clock: run.tally.spent.simulatedSeconds, best: run.tally.bestScore)
        }
        if isBest { run.noteBest(asked, result: result) }
        return score
    }

    /// Why a run that keeps every trial stopped.
    static func logFullMessage(_ limit: Int) -> String {
        "this search keeps every trial in memory and passed \(limit) trials; give a smaller budget, or ask only for "
            + "what each run chose (simulate without trials: true), or launch it (trials go to the store)"
    }

    /// The proposal at the fidelity it is evaluated at: its own, or the run's when it leaves it open.
    @inline(__always)
    func resolved(_ proposal: Proposal) -> Proposal {
        guard appliesDefaultFidelity, proposal.fidelity.isFull else { return proposal }
        var asked = proposal
        asked.fidelity = fidelity
        return asked
    }

    /// The trial a recorder sees, with its identity and cache key.
    func loopTrial(_ asked: Proposal, sequence: Int) -> LoopTrial {
        let identity = space.identity(asked.architecture)
        let canonical = space.canonical(asked.architecture)
        // A table's rows belong to exact architectures (equivalent ones may differ), so its results are
        // cached by the canonical form; computed results are shared between equivalent architectures.
        let key = ResultCacheKey.make(evaluator: cacheDescriptor(asked.fidelity), space: space.name,
                                      identity: evaluator.recordsEachArchitecture ? canonical : identity,
                                      fidelity: asked.fidelity, seed: seed)
        return LoopTrial(sequence: sequence, proposal: asked, canonical: canonical, identity: identity, cacheKey: key, seed: seed)
    }

    /// The row of the evaluator's table for a trial, if it has a table at its fidelity with a row for it.
    func tableResult(_ asked: Proposal, in run: inout Run) -> TrialResult? {
        if asked.fidelity != run.cursorFidelity { selectCursor(for: asked.fidelity, in: &run) }
        guard let row = run.cursor.row(of: asked.architecture) else { return nil }
        return run.cursor.table.unsafelyUnwrapped.takeUnretainedValue()[row]
    }

    /// Makes the evaluator's result table at `requested`'s fidelity (with its score column) the current
    /// cursor, asking the evaluator once per fidelity.
    private func selectCursor(for requested: Fidelity, in run: inout Run) {
        run.cursorFidelity = requested
        if let known = run.cursors.first(where: { $0.fidelity == requested }) {
            run.cursor = known.cursor
            return
        }
        let cursor = evaluator.resultTable(for: space, fidelity: requested).map { table in
            TableCursor(table: Unmanaged.passUnretained(table), position: run.log.position(of: table), code: table.code,
                        scores: table.column(objective.columnKey) { objective.score($0) }, seconds: table.simulatedSeconds)
        }
        run.cursors.append((requested, cursor ?? .none))
        run.cursor = cursor ?? .none
    }

    /// A cancelled trial's result.
    func cancelledResult(wallSeconds: Double = 0) -> TrialResult {
        var result = TrialResult.failed("cancelled", wallSeconds: wallSeconds)
        result.status = .cancelled
        return result
    }

    /// Ends the run quietly when the strategy has finished; throws when it proposed nothing while waiting for nothing.
    func stopAfterEmptyAsk(_ strategy: any SearchStrategy) throws {
        if strategy.isFinished { return }
        throw StrategyError("\(strategy.name) proposed nothing although every result was told")
    }
}
