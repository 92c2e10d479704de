import Foundation
import NASCore
import NASStore

/// A run working in the background: its progress, and the means to wait for it or stop it.
///
/// Thread-safe: the run's loop updates it; anyone may read, wait or cancel.
public final class RunHandle: @unchecked Sendable {
    /// The run's id in the store.
    public let id: Int64
    /// The token the loop polls; `cancel()` sets it.
    let cancellation: CancellationToken
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var latest: RunProgress
    private var ended = false

    /// Creates the handle of a run about to start.
    init(id: Int64, initial: RunProgress, cancellation: CancellationToken) {
        self.id = id
        self.cancellation = cancellation
        self.latest = initial
    }

    /// The latest progress snapshot.
    public var progress: RunProgress {
        condition.lock()
        defer { condition.unlock() }
        return latest
    }

    /// Whether the loop has stopped.
    public var isFinished: Bool {
        condition.lock()
        defer { condition.unlock() }
        return ended
    }

    /// Asks the run to stop after (or, if the evaluator checks, during) the current trial.
    public func cancel() { cancellation.cancel() }

    /// Blocks until the run stops or `timeout` seconds pass; returns the latest progress.
    @discardableResult
    public func wait(timeout: Double? = nil) -> RunProgress {
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        condition.lock()
        defer { condition.unlock() }
        while !ended {
            if let deadline {
                if !condition.wait(until: deadline) { break }
            } else {
                condition.wait()
            }
        }
        return latest
    }

    /// Records a new snapshot (from the loop).
    func update(_ progress: RunProgress) {
        condition.lock()
        latest = progress
        condition.unlock()
    }

    /// Records the final snapshot and wakes every waiter (from the loop).
    func finish(_ progress: RunProgress) {
        condition.lock()
        latest = progress
        ended = true
        condition.broadcast()
        condition.unlock()
    }
}
