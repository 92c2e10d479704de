import Foundation
import NASBenchmarks
import NASCore
import NASSearch
import NASSpaces
import NASStore

/// Runs, the experiment store and its tables, as a session offers them to front ends.
extension Session {
    /// Launches a search run in the background and returns its handle at once.
    ///
    /// The strategy is built from the catalog by name and settings for the space and the run's
    /// seed. A session job follows the run: it reports progress (trials done of the budget) to
    /// `onProgress`, shows in `jobs`, and cancelling it cancels the run.
    /// A multi-objective strategy (NSGA-II) gets `objectives`; the run records the first.
    public func launchRun(strategy name: String, settings: [String: Double], space: any SearchSpace,
                          evaluator: any Evaluator, run: RunSettings, objectives: [Objective] = []) throws -> RunHandle {
        let evaluator = Self.fidelityAdapted(evaluator, strategy: name)
        let strategy = try StrategyCatalog.make(name, settings: settings, space: space, seed: run.seed,
                                                maxEpochs: evaluator.maxEpochs, objectives: objectives)
        let handle = try runs().launch(strategy: strategy, space: space, evaluator: evaluator, settings: run)
        follow(handle, name: "run \(handle.id) (\(name))")
        return handle
    }

    /// Continues a cancelled run (or one whose process died) from its last checkpoint.
    public func resumeRun(_ id: Int64, strategy name: String, settings: [String: Double], space: any SearchSpace,
                          evaluator: any Evaluator, objective: RunObjective?, fidelity: Fidelity? = nil,
                          earlyStopping: EarlyStopping? = nil, objectives: [Objective] = []) throws -> RunHandle {
        let manager = try runs()
        guard let record = try manager.store.run(id) else { throw RunError.noSuchRun(id) }
        let evaluator = Self.fidelityAdapted(evaluator, strategy: name)
        let strategy = try StrategyCatalog.make(name, settings: settings, space: space, seed: record.seed,
                                                maxEpochs: evaluator.maxEpochs, objectives: objectives)
        let handle = try manager.resume(id, strategy: strategy, space: space, evaluator: evaluator,
                                        objective: objective, fidelity: fidelity, earlyStopping: earlyStopping)
        follow(handle, name: "run \(handle.id) (\(name))")
        return handle
    }

    /// The evaluator a multi-fidelity strategy gets: a tabular benchmark with only a few epoch
    /// counts (NB201: 12 and 200) answers each rung at the nearest count it has.
    static func fidelityAdapted(_ evaluator: any Evaluator, strategy: String) -> any Evaluator {
        guard StrategyCatalog.isMultiFidelity(strategy), evaluator is NB201Evaluator else { return evaluator }
        return NearestFidelityEvaluator(evaluator, available: NB201Evaluator.availableEpochs)
    }

    /// Continues a run of an earlier session: its strategy is rebuilt from the name and settings
    /// the store kept (`NASSearch.StrategyCatalog.rebuild`), then restored from the checkpoint.
    public func resumeStoredRun(_ id: Int64, space: any SearchSpace, evaluator: any Evaluator, objective: RunObjective?,
                                objectives: [Objective] = []) throws -> RunHandle {
        let manager = try runs()
        guard let record = try manager.store.run(id) else { throw RunError.noSuchRun(id) }
        let evaluator = Self.fidelityAdapted(evaluator, strategy: record.strategy)
        let strategy = try NASSearch.StrategyCatalog.rebuild(record.strategy, space: space, settings: record.strategySettings,
                                                             objectives: objectives, maxEpochs: evaluator.maxEpochs)
        let handle = try manager.resume(id, strategy: strategy, space: space, evaluator: evaluator, objective: objective)
        follow(handle, name: "run \(handle.id) (\(record.strategy))")
        return handle
    }

    /// Whether an evaluator charges simulated time (a tabular benchmark's recorded training
    /// time), so that a time budget means simulated seconds rather than wall-clock ones.
    public static func chargesSimulatedTime(_ evaluator: any Evaluator) -> Bool {
        if let combined = evaluator as? CombinedEvaluator { return combined.parts.contains(where: chargesSimulatedTime) }
        if let snapped = evaluator as? NearestFidelityEvaluator { return chargesSimulatedTime(snapped.base) }
        return evaluator is NB201Evaluator
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

    /// A run's progress: live from its handle when it works in this session, else from the store.
    public func runProgress(_ id: Int64) throws -> RunProgress {
        let manager = try runs()
        if let handle = manager.handle(id) { return handle.progress }
        guard let record = try manager.store.run(id) else { throw RunError.noSuchRun(id) }
        let objective = RunObjective(metric: record.objectiveMetric, maximise: record.maximise)
        var progress = RunProgress(runID: id, status: record.status, budget: record.budget, metric: objective.metric,
                                   error: record.error)
        for trial in try manager.store.trials(run: id) where trial.status == .done || trial.status == .failed {
            progress.trials += 1
            progress.simulatedSeconds += trial.simulatedSeconds
            if trial.status == .failed { progress.failed += 1 }
            if trial.cached { progress.cached += 1 }
            let value = objective.metric == "score" ? trial.score : trial.metrics[objective.metric]
            if trial.status == .done, let value, value.isFinite,
               progress.bestValue.map({ objective.maximise ? value > $0 : value < $0 }) ?? true {
                progress.bestValue = value
            }
        }
        progress.wallSeconds = try manager.store.checkpoint(run: id).spentWallSeconds
        return progress
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
        if let best = progress.bestValue { parts.append("best \(progress.metric) \(MetricCatalog.quantity(progress.metric, best))") }
        if progress.failed > 0 { parts.append("\(progress.failed) failed") }
        if progress.cached > 0 { parts.append("\(progress.cached) cached") }
        var message = parts.joined(separator: ", ")
        switch progress.budget {
        case .trials: break
        case .simulatedSeconds: message = "simulated seconds; \(progress.trials) trials" + (parts.isEmpty ? "" : ", " + message)
        case .wallSeconds: message = "seconds; \(progress.trials) trials" + (parts.isEmpty ? "" : ", " + message)
        }
        switch progress.budget {
        case .trials(let n): context.progress(done: progress.trials, total: n, message: message)
        case .wallSeconds(let s):
            let total = Int(s.rounded(.up))
            context.progress(done: min(Int(progress.wallSeconds), total), total: total, message: message)
        case .simulatedSeconds(let s):
            let total = Int(s.rounded(.up))
            context.progress(done: min(Int(progress.simulatedSeconds), total), total: total, message: message)
        }
    }

    /// A job that mirrors a run's progress until it stops.
    private func follow(_ handle: RunHandle, name: String) {
        jobs.launch(name: name) { context in
            var reported = -1
            while true {
                if context.isCancelled { handle.cancel() }
                let progress = handle.wait(timeout: 0.1)
                if progress.trials != reported || handle.isFinished {
                    reported = progress.trials
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
