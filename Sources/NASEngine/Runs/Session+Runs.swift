import Foundation
import NASCore
import NASSearch
import NASSpaces
import NASStore

/// Runs, the experiment store and its tables, as a session offers them to front ends.
extension Session {
    /// Launches a search run in the background and returns its handle at once.
    ///
    /// The strategy is built from the registry by name and settings for the space and the run's seed.
    /// A session job follows the run: it reports progress (trials done of the budget) to `onProgress`,
    /// shows in `jobs`, and cancelling it cancels the run. The session remembers the request, so that
    /// `resume` needs only the run's id.
    public func launch(_ request: SearchRequest) throws -> RunHandle {
        try request.checkEarlyStopping()
        let manager = try runs()
        let handle = try manager.launch(strategy: try request.makeStrategy(seed: request.seed), space: request.space,
                                        evaluator: request.loopEvaluator, settings: request.runSettings)
        manager.remember(request, for: handle.id)
        follow(handle, name: "run \(handle.id) (\(request.strategy))")
        return handle
    }

    /// Continues a cancelled run (or one whose process died) from its last checkpoint.
    ///
    /// A run launched (or resumed) in this session needs nothing more; one of an earlier session needs
    /// its space and evaluator, unless the run keeps a description they can be rebuilt from (as queue
    /// workers rebuild them), and its strategy is rebuilt from the settings the store kept unless
    /// given. `objectives` replace the run's when given (the store keeps only a plain metric).
    public func resume(_ id: Int64, strategy: (name: String, settings: [String: Double])? = nil, space: (any SearchSpace)? = nil,
                       evaluator: (any Evaluator)? = nil, objectives: [Objective] = []) throws -> RunHandle {
        let manager = try runs()
        guard let record = try manager.store.run(id) else { throw RunError.noSuchRun(id) }
        let known = manager.request(for: id)
        let described = space == nil && evaluator == nil && known == nil
            ? record.evaluation.flatMap { try? EvaluatorCatalogue.rebuild(EvaluationDescription(json: $0)) } : nil
        guard let space = space ?? known?.space ?? described?.space,
              let evaluator = evaluator ?? known?.evaluator ?? described?.evaluator else {
            throw RunError.launchedElsewhere(id)
        }
        var request = known ?? SearchRequest(strategy: record.strategy, space: space, evaluator: evaluator, budget: record.budget,
                                             seed: record.seed)
        request.space = space
        request.evaluator = evaluator
        if !objectives.isEmpty { request.objectives = objectives }
        if let strategy { (request.strategy, request.settings) = strategy }
        let instance = known != nil || strategy != nil
            ? try request.makeStrategy(seed: record.seed)
            : try StrategyRegistry.rebuild(record.strategy, stored: record.strategySettings, space: space,
                                           maxEpochs: request.loopEvaluator.maxEpochs, objectives: request.objectives,
                                           evaluator: evaluator)
        let handle = try manager.resume(id, strategy: instance, space: space, evaluator: request.loopEvaluator,
                                        objective: objectives.first ?? known?.objective, fidelity: known?.fidelity,
                                        earlyStopping: known?.earlyStopping)
        manager.remember(request, for: id)
        follow(handle, name: "run \(handle.id) (\(request.strategy))")
        return handle
    }

    /// Runs the request once per seed in memory (`Simulation`) as a foreground job: progress per seed
    /// (with the best score so far), interruptible with Ctrl-C.
    public func simulate(_ request: SearchRequest, seeds: [UInt64], keepTrials: Bool) throws -> Simulation.Runs {
        try request.checkEarlyStopping()
        let simulation = Simulation(request: request, seeds: seeds, keepsTrials: keepTrials)
        return try runForeground("simulate \(request.strategy)") { context in
            try simulation.run(cancel: context.token) { done, best in
                let metric = request.objective.rankingMetric
                let value = best.flatMap { request.objective.rankingValue(ofScore: $0) }
                context.progress(done: done, total: seeds.count, message: value.map { "best \(metric) \(MetricCatalogue.quantity(metric, $0))" } ?? "")
            }
        }
    }

    /// The handle of a run working (or that worked) in this session, or nil.
    public func runHandle(_ id: Int64) throws -> RunHandle? { try runs().handle(id) }

    /// The handles of every run started in this session, by id (none when the store was never opened).
    public var runHandles: [RunHandle] { openedRuns?.handles ?? [] }

    /// The result of one read-only SELECT (or WITH … SELECT) statement over the store.
    public func sql(_ text: String) throws -> Table { try runs().store.sql(text) }

    /// A run's record in the store, or nil.
    public func runRecord(_ id: Int64) throws -> RunRecord? { try runs().store.run(id) }

    /// The best finished trial of a run as a one-row table, by its objective unless a metric and direction are given.
    public func bestTrial(run id: Int64, by metric: String? = nil, maximise: Bool? = nil) throws -> Table {
        try runs().store.best(run: id, by: metric, maximise: maximise)
    }

    /// Blocks until every run of this session has stopped; Ctrl-C (the session's interrupt)
    /// cancels them and still waits for them to record their end. A script calls this before it exits.
    public func waitForRuns() {
        guard let manager = openedRuns else { return }
        for handle in manager.handles {
            while !handle.isFinished {
                if interrupt.isCancelled { handle.cancel() }
                handle.wait(timeout: 0.05)
            }
        }
    }

    /// A run's progress: live from its handle when it works in this session, else counted from the store.
    public func runProgress(_ id: Int64) throws -> RunProgress {
        let manager = try runs()
        if let handle = manager.handle(id) { return handle.progress }
        guard let record = try manager.store.run(id) else { throw RunError.noSuchRun(id) }
        let objective = Objective(ranking: record.objectiveMetric, maximise: record.maximise)
        var tally = LoopTally()
        for trial in try manager.store.trials(run: id) where trial.status == .done || trial.status == .failed {
            tally.count(score: trial.score ?? -.infinity, fidelity: trial.fidelity, simulatedSeconds: trial.simulatedSeconds,
                        failed: trial.status == .failed, cached: trial.cached)
        }
        tally.spent.wallSeconds = try manager.store.checkpoint(run: id).spentWallSeconds
        return RunProgress(runID: id, status: record.status, budget: record.budget, objective: objective, tally: tally, error: record.error)
    }

    /// Cancels every run of this session and waits until each has recorded its end (a script
    /// that stops on an error does this, so its runs stay resumable).
    public func cancelRuns() {
        guard let manager = openedRuns else { return }
        for handle in manager.handles { handle.cancel() }
        for handle in manager.handles { handle.wait() }
    }

    /// The trials of one run (or of all runs when nil) as a store-backed table.
    public func trialsTable(run id: Int64?) throws -> any TableSource {
        try StoreTableSource(store: runs().store, table: .trials(run: id))
    }

    /// The runs of the store as a store-backed table.
    public func runsTable() throws -> any TableSource {
        try StoreTableSource(store: runs().store, table: .runs)
    }

    /// Reports a run's progress as a job's: trials of a trial budget, or seconds of a time budget.
    private static func report(_ progress: RunProgress, to context: JobContext) {
        var parts: [String] = []
        if let best = progress.bestValue { parts.append("best \(progress.metric) \(MetricCatalogue.quantity(progress.metric, best))") }
        if progress.failed > 0 { parts.append("\(progress.failed) failed") }
        if progress.cached > 0 { parts.append("\(progress.cached) cached") }
        if progress.queued > 0 { parts.append("\(progress.queued) queued for workers") }
        var message = parts.joined(separator: ", ")
        let budget = progress.budget
        if let n = budget.trials {
            context.progress(done: progress.trials, total: n, message: message)
            return
        }
        let (spent, limit, unit) = budget.simulatedSeconds.map { (progress.simulatedSeconds, $0, "simulated seconds") }
            ?? (progress.wallSeconds, budget.wallSeconds ?? 0, "seconds")
        message = "\(unit); \(progress.trials) trials" + (parts.isEmpty ? "" : ", " + message)
        let total = Int(limit.rounded(.up))
        context.progress(done: min(Int(spent), total), total: total, message: message)
    }

    /// A job that mirrors a run's progress until it stops.
    private func follow(_ handle: RunHandle, name: String) {
        jobs.launch(name: name) { context in
            var reported = (trials: -1, queued: 0)
            while true {
                if context.isCancelled { handle.cancel() }
                let progress = handle.wait(timeout: 0.1)
                if (progress.trials, progress.queued) != reported || handle.isFinished {
                    reported = (progress.trials, progress.queued)
                    Self.report(progress, to: context)
                }
                if handle.isFinished { break }
            }
            let final = handle.progress
            if final.status == .failed { throw RunError.failed(handle.id, final.error ?? "unknown error") }
            if final.status == .cancelled { throw CancellationError() }
        }
    }
}
