import Foundation
import NASCore
import NASSearch
import NASSpaces
import NASStore

/// Records a store-backed run's trials for the search loop: each trial as it starts and ends, with the
/// strategy's checkpoint, so that a run can be queried while it works and resumed after a crash.
///
/// Crash safety: a trial is recorded as `running` before it is evaluated; the results of a batch's trials
/// and the strategy's checkpoint (taken after the batch's last `tell`) are written in ONE transaction, together
/// with the run's spent wall time, when the batch ends (a batch abandoned half-way records its told trials
/// without a checkpoint). So the stored checkpoint always describes exactly the finished trials `1...lastSequence`,
/// and a restored strategy asks the next batch whole. On resume the strategy is restored from it, every trial after
/// `lastSequence` (started but never finished, or cancelled) is deleted, and the loop asks again
/// from there: a deterministic strategy proposes the same architecture again, so a resumed run
/// records the same trials as an uninterrupted one.
///
/// A run whose trials go through the queue (`RunSettings.queuesTrials`) records each batch as `pending`
/// instead (one transaction), and waits for workers to complete it (its in-process worker threads, started with the first
/// batch, and any `naslab worker` sharing the store). A resumed run keeps the queued trials after its
/// checkpoint: the strategy, restored and seeded, proposes the same batch again, and each proposal that
/// matches the queued trial of its sequence number (same architecture and fidelity) takes that trial's
/// state (a result, or a claim to wait for) instead of being queued again. Used by the run's thread only.
final class StoredRunRecorder: TrialRecorder, @unchecked Sendable {
    private let runID: Int64
    private let store: any ExperimentStore
    private let settings: RunSettings
    private let handle: RunHandle
    private let onEvent: (@Sendable (RunEvent) -> Void)?
    /// The trials of the batch under way, as recorded when they started (or were queued), by sequence number.
    private var current: [Int: TrialRecord] = [:]
    /// The queued trials a resumed run found after its checkpoint, by sequence number, until the re-asked batch takes them up.
    private var leftInQueue: [Int: TrialRecord] = [:]
    /// The run's space and evaluator for its in-process queue workers, when its trials go through the queue.
    private var queue: QueueWorker.Resolved?
    /// Wakes the in-process workers when a batch is queued, and this thread when they complete a trial.
    private let doorbell = QueueDoorbell()
    /// The in-process queue workers, once started, and what stops them.
    private var workers: (thread: Thread, stop: CancellationToken, done: CancellationToken)?
    /// The batch's trials told to the strategy, with the loop's count after each, until the batch's end records them.
    private var told: [(record: TrialRecord, tally: LoopTally)] = []
    /// The loop's count after the last recorded finished trial (or of the trials before a resume).
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
        try store.discardUnqueuedTrials(run: runID, after: checkpoint.lastSequence)
        let kept = try store.trials(run: runID)
        leftInQueue = Dictionary(kept.filter { $0.sequence > checkpoint.lastSequence }.map { ($0.sequence, $0) },
                                 uniquingKeysWith: { a, _ in a })
        let finished = kept.filter {
            $0.sequence <= checkpoint.lastSequence && ($0.status == .done || $0.status == .failed)
        }
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

    /// The cache's answers (one read for the batch), except for a trial a resumed run had queued under its number:
    /// that one takes the queued row's state (`evaluateQueued`), so that its own earlier result is not counted as cached.
    func cachedResults(for trials: [LoopTrial]) throws -> [TrialResult?] {
        let asked = trials.filter { trial in !(leftInQueue[trial.sequence].map { matches($0, trial) } ?? false) }
        let found = try store.cachedResults(forKeys: asked.map(\.cacheKey))
        let askedSequences = Set(asked.map(\.sequence))
        return trials.map { askedSequences.contains($0.sequence) ? found[$0.cacheKey] : nil }
    }

    func started(_ trial: LoopTrial) throws {
        if leftInQueue.removeValue(forKey: trial.sequence) != nil { try store.deleteTrial(run: runID, sequence: trial.sequence) }
        var record = TrialRecord(runID: runID, sequence: trial.sequence, architecture: trial.canonical, identity: trial.identity,
                                 tokens: trial.proposal.architecture.tokens, fidelity: trial.proposal.fidelity, seed: trial.seed,
                                 status: .running, cacheKey: trial.cacheKey)
        record.id = try store.startTrial(record)
        current[trial.sequence] = record
    }

    /// Keeps a told trial's end until its batch ends, then records the batch's ends with the checkpoint after
    /// the last (`finishTrials`: one transaction per batch).
    func finished(_ trial: LoopTrial, result: TrialResult, score: Double, cached: Bool, strategy: any SearchStrategy,
                  tally: LoopTally) throws {
        guard var record = current.removeValue(forKey: trial.sequence) else { return }
        record.record(result, score: score, cached: cached)
        told.append((record, tally))
        guard trial.endsBatch else { return }
        try recordTold(checkpoint: RunCheckpoint(strategyState: try strategy.checkpoint(), lastSequence: trial.sequence,
                                                 spentWallSeconds: tally.spent.wallSeconds))
    }

    func abandoned(_ trial: LoopTrial, result: TrialResult, cached: Bool) {
        // The trials of the batch told before this one are recorded as finished, without a checkpoint (as if the run
        // had died after them): a resumed run asks their batch again and takes them up.
        try? recordTold(checkpoint: nil)
        guard var record = current.removeValue(forKey: trial.sequence) else { return }
        // A queued trial stays as the queue has it (pending, claimed or completed), for a resumed run to take up.
        guard record.status == .running else { return }
        record.record(result, score: nil, cached: cached)
        try? store.finishTrial(record, checkpoint: nil)
    }

    /// Records the ends of the trials told so far in one transaction (with the checkpoint after the last, at a
    /// batch's end), then reports each.
    func recordTold(checkpoint: RunCheckpoint?) throws {
        guard !told.isEmpty else { return }
        let batch = told
        told = []
        try store.finishTrials(batch.map(\.record), checkpoint: checkpoint)
        for (record, tally) in batch {
            lastTally = tally
            let progress = self.progress(.running, tally: tally)
            handle.update(progress)
            onEvent?(.trialFinished(record, progress))
        }
    }

    // MARK: The queue

    var queuesTrials: Bool { queue != nil }

    /// Sends the run's trials through the queue, evaluated by `settings.workers` in-process workers with
    /// this space and evaluator (none: external workers only).
    func attachQueue(space: any SearchSpace, evaluator: any Evaluator) {
        queue = (space, evaluator)
    }

    func evaluateQueued(_ trials: [LoopTrial], cancel: CancellationToken) throws -> [TrialResult] {
        guard !trials.isEmpty else { return [] }
        let fresh = try trials.compactMap { try enqueue($0, existing: leftInQueue.removeValue(forKey: $0.sequence)) }
        for (record, id) in zip(fresh, try store.startTrials(fresh)) {
            current[record.sequence] = record
            current[record.sequence]?.id = id
        }
        startWorkers()
        doorbell.ring()
        var waiting = progress(.running, tally: lastTally)
        waiting.queued = trials.count
        handle.update(waiting)
        return try waitForResults(trials, cancel: cancel)
    }

    /// The pending record of a trial to queue, or nil when a resumed run already queued the same work under its number.
    private func enqueue(_ trial: LoopTrial, existing: TrialRecord?) throws -> TrialRecord? {
        if let existing {
            if matches(existing, trial) {
                current[trial.sequence] = existing
                return nil
            }
            try store.deleteTrial(run: runID, sequence: trial.sequence)
        }
        return TrialRecord(runID: runID, sequence: trial.sequence, architecture: trial.canonical, identity: trial.identity,
                           tokens: trial.proposal.architecture.tokens, fidelity: trial.proposal.fidelity, seed: trial.seed,
                           status: .pending, cacheKey: trial.cacheKey)
    }

    /// Whether a row a resumed run found queued is the same work as a re-asked trial (architecture, fidelity, seed).
    private func matches(_ row: TrialRecord, _ trial: LoopTrial) -> Bool {
        row.architecture == trial.canonical && row.fidelity == trial.proposal.fidelity && row.seed == trial.seed
            && row.status != .running && row.status != .cancelled
    }

    /// Polls the store until every trial has a result (done or failed); cancelled results when the run is cancelled.
    private func waitForResults(_ trials: [LoopTrial], cancel: CancellationToken) throws -> [TrialResult] {
        let range = trials.first!.sequence...trials.last!.sequence
        let wanted = Set(trials.map(\.sequence))
        var wait = QueueWorker.firstPoll, seen = -1
        // In-process workers ring the run's doorbell; external ones, the store's (PostgreSQL), else they are polled.
        let bell = settings.workers > 0 ? doorbell : store.completedDoorbell ?? doorbell
        while true {
            let generation = bell.generation
            let rows = try store.trials(run: runID, sequences: range).filter { wanted.contains($0.sequence) }
            let finished = rows.filter { $0.status == .done || $0.status == .failed }
            if finished.count == trials.count {
                for row in finished { current[row.sequence]?.id = row.id }
                return finished.map(\.result)
            }
            if cancel.isCancelled {
                var cancelled = TrialResult.failed("cancelled")
                cancelled.status = .cancelled
                return trials.map { _ in cancelled }
            }
            // Between rings the store is polled, every 2 ms while results come in, backing off to 100 ms (50 with
            // in-process workers) while none do.
            if finished.count != seen { (wait, seen) = (QueueWorker.firstPoll, finished.count) }
            bell.wait(after: generation, timeout: wait)
            wait = min(wait * 2, settings.workers == 0 ? 0.1 : 0.05)
        }
    }

    /// Starts the run's in-process workers (once), which take only this run's trials.
    private func startWorkers() {
        guard workers == nil, let queue, settings.workers > 0 else { return }
        let options = QueueWorker.Options(concurrency: settings.workers, runs: [runID], lease: 30, poll: 0.05)
        let worker = QueueWorker(store: store, name: "\(RunOwner.current)/run-\(runID)", options: options,
                                 resolver: { _ in queue }, doorbell: doorbell, log: { _ in })
        let stop = CancellationToken(), done = CancellationToken()
        let thread = Thread {
            worker.run(stop: stop)
            done.cancel()
        }
        thread.name = "naslab-run-\(runID)-workers"
        workers = (thread, stop, done)
        thread.start()
    }

    /// Deletes the queued trials a resumed run found after its checkpoint and never asked for again (the run
    /// ended before, or its strategy proposed other work), so the run keeps only trials it told.
    func discardLeftovers() {
        for sequence in leftInQueue.keys.sorted() { try? store.deleteTrial(run: runID, sequence: sequence) }
        leftInQueue = [:]
    }

    /// Stops the in-process workers and waits until they have released what they held.
    func stopWorkers() {
        guard let workers else { return }
        workers.stop.cancel()
        doorbell.ring()
        while !workers.done.isCancelled { Thread.sleep(forTimeInterval: 0.005) }
        self.workers = nil
    }

    /// The run's progress with this tally.
    func progress(_ status: RunStatus, tally: LoopTally, error: String? = nil) -> RunProgress {
        RunProgress(runID: runID, status: status, budget: settings.budget, objective: settings.objective, tally: tally, error: error)
    }
}
