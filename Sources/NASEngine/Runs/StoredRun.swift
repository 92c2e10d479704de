import Foundation
import NASCore
import NASSearch
import NASStore

/// A store-backed run: the search loop with a `StoredRunRecorder`, and the run's end recorded.
///
/// The loop is used by one thread at a time: the thread that starts it hands the strategy over and
/// never touches it again, hence `@unchecked Sendable`.
final class StoredRun: @unchecked Sendable {
    private let loop: SearchLoop
    private let strategy: any SearchStrategy
    private let recorder: StoredRunRecorder
    private let store: any ExperimentStore
    private let handle: RunHandle
    private let onEvent: (@Sendable (RunEvent) -> Void)?

    /// A run ready to start.
    init(loop: SearchLoop, strategy: any SearchStrategy, recorder: StoredRunRecorder, store: any ExperimentStore,
         handle: RunHandle, onEvent: (@Sendable (RunEvent) -> Void)?) {
        self.loop = loop
        self.strategy = strategy
        self.recorder = recorder
        self.store = store
        self.handle = handle
        self.onEvent = onEvent
    }

    /// Runs to the end, recording everything; never throws (a failure ends the run as failed).
    func run() {
        let progress: RunProgress
        do {
            // The progress of the last recorded trial: its real time is the one the checkpoint keeps.
            _ = try loop.run(strategy, recorder: recorder, cancel: handle.cancellation)
            recorder.discardLeftovers()
            progress = recorder.progress(.done, tally: recorder.lastTally)
        } catch is CancellationError {
            progress = recorder.progress(.cancelled, tally: recorder.lastTally)
        } catch {
            // Trials of the batch told before the failure are recorded as finished, without a checkpoint.
            try? recorder.recordTold(checkpoint: nil)
            progress = recorder.progress(.failed, tally: recorder.lastTally, error: "\(error)")
        }
        recorder.stopWorkers()
        try? store.setRunStatus(handle.id, progress.status, error: progress.error)
        handle.finish(progress)
        onEvent?(.finished(progress))
    }
}
