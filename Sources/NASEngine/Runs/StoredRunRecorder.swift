import Foundation
import NASCore
import NASSearch
import NASSpaces
import NASStore

/// Records a store-backed run's trials for the search loop: each trial as it starts and ends, with the
/// strategy's checkpoint, so that a run can be queried while it works and resumed after a crash.
///
/// Crash safety: a trial is recorded as `running` before it is evaluated; when it finishes, its
/// result and the strategy's checkpoint (taken after `tell`) are written in ONE transaction, together
/// with the run's spent wall time. So the stored checkpoint always describes exactly the finished
/// trials `1...lastSequence`. On resume the strategy is restored from it, every trial after
/// `lastSequence` (started but never finished, or cancelled) is deleted, and the loop asks again
/// from there: a deterministic strategy proposes the same architecture again, so a resumed run
/// records the same trials as an uninterrupted one. Used by the run's thread only.
final class StoredRunRecorder: TrialRecorder, @unchecked Sendable {
    private let runID: Int64
    private let store: any ExperimentStore
    private let settings: RunSettings
    private let handle: RunHandle
    private let onEvent: (@Sendable (RunEvent) -> Void)?
    /// The trial being evaluated, as recorded when it started.
    private var current: TrialRecord?
    /// The loop's count after the last finished trial (or of the trials before a resume).
    private(set) var lastTally = LoopTally()

    /// A recorder for the recorded run `runID`.
    init(runID: Int64, store: any ExperimentStore, settings: RunSettings, handle: RunHandle,
         onEvent: (@Sendable (RunEvent) -> Void)?) {
        self.runID = runID
        self.store = store
        self.settings = settings
        self.handle = handle
        self.onEvent = onEvent
    }

    func resume(_ strategy: any SearchStrategy) throws -> RecordedHistory {
        let checkpoint = try store.checkpoint(run: runID)
        if let state = checkpoint.strategyState { try strategy.restore(from: state) }
        try store.discardTrials(run: runID, after: checkpoint.lastSequence)
        let finished = try store.trials(run: runID).filter { $0.status == .done || $0.status == .failed }
        let trials = finished.map {
            RecordedTrial(fidelity: $0.fidelity, result: $0.result, score: $0.score ?? settings.objective.score($0.result), cached: $0.cached)
        }
        for trial in trials {
            lastTally.count(score: trial.score, fidelity: trial.fidelity, simulatedSeconds: trial.result.simulatedSeconds,
                            failed: trial.result.status == .failed, cached: trial.cached)
        }
        lastTally.spent.wallSeconds = checkpoint.spentWallSeconds
        handle.update(progress(.running, tally: lastTally))
        return RecordedHistory(trials: trials, lastSequence: checkpoint.lastSequence, wallSeconds: checkpoint.spentWallSeconds)
    }

    func cachedResult(forKey key: String) throws -> TrialResult? { try store.cachedResult(forKey: key) }

    func started(_ trial: LoopTrial) throws {
        var record = TrialRecord(runID: runID, sequence: trial.sequence, architecture: trial.canonical, identity: trial.identity,
                                 tokens: trial.proposal.architecture.tokens, fidelity: trial.proposal.fidelity, seed: trial.seed,
                                 status: .running, cacheKey: trial.cacheKey)
        record.id = try store.startTrial(record)
        current = record
    }

    func finished(_ trial: LoopTrial, result: TrialResult, score: Double, cached: Bool, strategy: any SearchStrategy,
                  tally: LoopTally) throws {
        guard var record = current else { return }
        record.record(result, score: score, cached: cached)
        let checkpoint = RunCheckpoint(strategyState: try strategy.checkpoint(), lastSequence: trial.sequence,
                                       spentWallSeconds: tally.spent.wallSeconds)
        try store.finishTrial(record, checkpoint: checkpoint)
        current = nil
        lastTally = tally
        let progress = self.progress(.running, tally: tally)
        handle.update(progress)
        onEvent?(.trialFinished(record, progress))
    }

    func abandoned(_ trial: LoopTrial, result: TrialResult, cached: Bool) {
        guard var record = current else { return }
        record.record(result, score: nil, cached: cached)
        try? store.finishTrial(record, checkpoint: nil)
        current = nil
    }

    /// The run's progress with this tally.
    func progress(_ status: RunStatus, tally: LoopTally, error: String? = nil) -> RunProgress {
        RunProgress(runID: runID, status: status, budget: settings.budget, objective: settings.objective, tally: tally, error: error)
    }
}
