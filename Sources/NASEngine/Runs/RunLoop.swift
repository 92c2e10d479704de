import Foundation
import NASCore
import NASSearch
import NASSpaces
import NASStore

/// The loop of one run: ask → cache lookup → evaluate → record → tell → checkpoint, until the
/// budget is spent, the strategy finishes, or someone cancels.
///
/// Crash safety: a trial is recorded as `running` before it is evaluated; when it finishes,
/// its result and the strategy's checkpoint (taken after `tell`) are written in ONE
/// transaction, together with the run's spent wall time. So the stored checkpoint always
/// describes exactly the finished trials `1...lastSequence`. On resume the strategy is
/// restored from it, every trial after `lastSequence` (started but never finished when the
/// process died, or cancelled) is deleted, and the loop asks again from there: the next trial
/// reuses the sequence number of the one that was lost. A deterministic strategy proposes the
/// same architecture again, so a resumed run records the same trials as an uninterrupted one.
///
/// With early stopping (`RunSettings.earlyStopping`) and an evaluator that trains epoch by
/// epoch, each trial's partial curve is checked after every epoch against the incumbent of its
/// epochs; a stopped trial is recorded as done with the metric `pruned` = 1, and its cache key
/// names the early stopping, so that it never stands in for a full training elsewhere.
///
/// The loop is used by one thread at a time: the thread that starts it hands the strategy
/// over and never touches it again, hence `@unchecked Sendable`.
final class RunLoop: @unchecked Sendable {
    private let runID: Int64
    private let store: any ExperimentStore
    private let strategy: any SearchStrategy
    private let space: any SearchSpace
    private let evaluator: any Evaluator
    private let settings: RunSettings
    private let handle: RunHandle
    private let onEvent: (@Sendable (RunEvent) -> Void)?
    private var progress: RunProgress
    private var sequence = 0
    private var wallBefore = 0.0
    private var startedAt = Date()
    /// The best final accuracy of the fully trained trials, by their epochs (early stopping's incumbents).
    private var incumbents: [Int: Double] = [:]

    /// Prepares the loop of a run already recorded in the store.
    init(runID: Int64, store: any ExperimentStore, strategy: any SearchStrategy, space: any SearchSpace,
         evaluator: any Evaluator, settings: RunSettings, handle: RunHandle, onEvent: (@Sendable (RunEvent) -> Void)?) {
        self.runID = runID
        self.store = store
        self.strategy = strategy
        self.space = space
        self.evaluator = evaluator
        self.settings = settings
        self.handle = handle
        self.onEvent = onEvent
        self.progress = handle.progress
    }

    /// Runs to the end, recording everything; never throws (a failure ends the run as failed).
    func run() {
        do {
            try restore()
            while try step() {}
            progress.status = handle.cancellation.isCancelled ? .cancelled : .done
        } catch is CancellationError {
            progress.status = .cancelled
        } catch {
            progress.status = .failed
            progress.error = "\(error)"
        }
        try? store.setRunStatus(runID, progress.status, error: progress.error)
        handle.finish(progress)
        onEvent?(.finished(progress))
    }

    /// Restores the strategy and the spent budget from the store; drops unfinished trials.
    private func restore() throws {
        let checkpoint = try store.checkpoint(run: runID)
        if let state = checkpoint.strategyState { try strategy.restore(from: state) }
        try store.discardTrials(run: runID, after: checkpoint.lastSequence)
        sequence = checkpoint.lastSequence
        wallBefore = checkpoint.spentWallSeconds
        startedAt = Date()
        for trial in try store.trials(run: runID) { count(trial) }
        progress.wallSeconds = wallBefore
        handle.update(progress)
    }

    /// One trial; false when the run should stop.
    private func step() throws -> Bool {
        guard !budgetSpent, !handle.cancellation.isCancelled, !strategy.isFinished else { return false }
        guard let proposal = try strategy.ask(1).first else {
            if strategy.isFinished { return false }
            throw RunError.strategyStalled(strategy.name)
        }
        sequence += 1
        var trial = try start(proposal)
        let (result, cached) = try evaluateRecordingErrors(proposal, trial: &trial)
        if result.status == .cancelled || handle.cancellation.isCancelled {
            trial.record(result, score: nil, cached: cached)
            trial.status = .cancelled
            try store.finishTrial(trial, checkpoint: nil)
            return false
        }
        let score = settings.objective.score(result)
        try strategy.tell(proposal, result: result, score: score)
        trial.record(result, score: score, cached: cached)
        let checkpoint = RunCheckpoint(strategyState: try strategy.checkpoint(), lastSequence: sequence,
                                       spentWallSeconds: wallBefore + Date().timeIntervalSince(startedAt))
        try store.finishTrial(trial, checkpoint: checkpoint)
        count(trial)
        progress.wallSeconds = checkpoint.spentWallSeconds
        handle.update(progress)
        onEvent?(.trialFinished(trial, progress))
        return true
    }

    /// Records the trial as running before it is evaluated.
    private func start(_ proposal: Proposal) throws -> TrialRecord {
        let architecture = proposal.architecture
        try space.validate(architecture)
        let fidelity = proposal.fidelity == .full ? settings.fidelity : proposal.fidelity
        let identity = space.identity(architecture)
        // A table's rows belong to exact architectures (equivalent ones may differ), so its results are
        // cached by the canonical form; computed results are shared between equivalent architectures.
        let cacheIdentity = evaluator.recordsEachArchitecture ? space.canonical(architecture) : identity
        let key = ResultCacheKey.make(evaluator: cacheDescriptor(fidelity), space: space.name, identity: cacheIdentity,
                                      fidelity: fidelity, seed: settings.seed)
        var trial = TrialRecord(runID: runID, sequence: sequence, architecture: space.canonical(architecture),
                                identity: identity, tokens: architecture.tokens, fidelity: fidelity,
                                seed: settings.seed, status: .running, cacheKey: key)
        trial.id = try store.startTrial(trial)
        return trial
    }

    /// `evaluate`, but an error (a caller's mistake such as a wrong space) is written into the
    /// trial as a failure before it ends the run.
    private func evaluateRecordingErrors(_ proposal: Proposal, trial: inout TrialRecord) throws -> (TrialResult, cached: Bool) {
        do {
            return try evaluate(proposal, cacheKey: trial.cacheKey)
        } catch {
            trial.status = .failed
            trial.error = "\(error)"
            try? store.finishTrial(trial, checkpoint: nil)
            throw error
        }
    }

    /// The recorded result of identical work, or a fresh evaluation.
    private func evaluate(_ proposal: Proposal, cacheKey: String) throws -> (TrialResult, cached: Bool) {
        if let cached = try store.cachedResult(forKey: cacheKey) { return (cached, true) }
        let fidelity = proposal.fidelity == .full ? settings.fidelity : proposal.fidelity
        let clock = Date()
        do {
            var result = try evaluateWatched(proposal.architecture, fidelity: fidelity)
            if result.wallSeconds == 0 { result.wallSeconds = Date().timeIntervalSince(clock) }
            return (result, false)
        } catch is CancellationError {
            var result = TrialResult.failed("cancelled", wallSeconds: Date().timeIntervalSince(clock))
            result.status = .cancelled
            return (result, false)
        }
    }

    /// Evaluates one architecture, under early stopping when the run asks for it and the evaluator can.
    private func evaluateWatched(_ architecture: Architecture, fidelity: Fidelity) throws -> TrialResult {
        guard let (observing, pruner) = watcher(for: fidelity) else {
            return try evaluator.evaluate(architecture, in: space, fidelity: fidelity, seed: settings.seed,
                                          cancel: handle.cancellation)
        }
        let incumbent = incumbents[pruner.maxEpochs]
        return try observing.evaluate(architecture, in: space, fidelity: fidelity, seed: settings.seed,
                                      cancel: handle.cancellation) { curve in
            if case .stop = pruner.verdict(curve: curve, incumbent: incumbent) { return true }
            return false
        }
    }

    /// The evaluator that can be watched and the pruner for trials at this fidelity, when the run
    /// stops trials early and they are long enough to be stopped.
    private func watcher(for fidelity: Fidelity) -> (any EpochObservingEvaluator, LearningCurvePruner)? {
        guard let stopping = settings.earlyStopping, let observing = evaluator as? any EpochObservingEvaluator,
              let epochs = fidelity.epochs ?? evaluator.maxEpochs, let pruner = stopping.pruner(epochs: epochs) else { return nil }
        return (observing, pruner)
    }

    /// The evaluator's part of a trial's cache key: its descriptor, plus the early stopping when it watches the trial.
    private func cacheDescriptor(_ fidelity: Fidelity) -> String {
        guard watcher(for: fidelity) != nil, let stopping = settings.earlyStopping else { return evaluator.descriptor }
        return "\(evaluator.descriptor) \(stopping)"
    }

    /// Adds a finished trial to the spent budget and the best value.
    private func count(_ trial: TrialRecord) {
        guard trial.status == .done || trial.status == .failed else { return }
        noteIncumbent(trial)
        progress.trials += 1
        progress.simulatedSeconds += trial.simulatedSeconds
        if trial.status == .failed { progress.failed += 1 }
        if trial.cached { progress.cached += 1 }
        let metric = settings.objective.metric
        if trial.status == .done, let value = metric == "score" ? trial.score : trial.metrics[metric], value.isFinite {
            let better = progress.bestValue.map { settings.objective.maximise ? value > $0 : value < $0 } ?? true
            if better { progress.bestValue = value }
        }
    }

    /// Keeps the best final accuracy per epoch count among trials that trained to the end.
    private func noteIncumbent(_ trial: TrialRecord) {
        guard trial.status == .done, trial.metrics["pruned"] != 1, let accuracy = trial.metrics["accuracy"], accuracy.isFinite,
              let epochs = trial.fidelity.epochs ?? evaluator.maxEpochs else { return }
        incumbents[epochs] = max(incumbents[epochs] ?? accuracy, accuracy)
    }

    /// Whether the budget is used up, judged between trials on what is recorded (a wall-clock
    /// budget on the spent time stored with the last finished trial).
    private var budgetSpent: Bool {
        switch settings.budget {
        case .trials(let n): return progress.trials >= n
        case .wallSeconds(let s): return progress.wallSeconds >= s
        case .simulatedSeconds(let s): return progress.simulatedSeconds >= s
        }
    }
}
