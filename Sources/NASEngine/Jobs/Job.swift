import Foundation
import NASCore

/// A unit of long work: an id, a name, a status and the token that cancels it.
public final class Job: @unchecked Sendable {
    /// The job's number in its session, from 1.
    public let id: Int
    /// The name shown to the user.
    public let name: String
    /// Cancel this to stop the job.
    public let token: CancellationToken

    private let lock = NSLock()
    private let finished = DispatchSemaphore(value: 0)
    private var currentStatus: JobStatus = .running
    private var lastProgress: ProgressEvent?

    init(id: Int, name: String) {
        self.id = id
        self.name = name
        self.token = CancellationToken()
    }

    /// The job's current status.
    public var status: JobStatus { lock.withLock { currentStatus } }

    /// The latest progress event the job reported, if any.
    public var progress: ProgressEvent? { lock.withLock { lastProgress } }

    /// Asks the job to stop; it ends `.cancelled` once its work notices.
    public func cancel() { token.cancel() }

    /// Blocks until the job ends, or until `interrupt` fires (then the job is cancelled and awaited).
    @discardableResult
    public func wait(interrupt: CancellationToken? = nil) -> JobStatus {
        while finished.wait(timeout: .now() + .milliseconds(10)) == .timedOut {
            if let interrupt, interrupt.isCancelled { cancel() }
        }
        finished.signal()
        return status
    }

    func record(_ event: ProgressEvent) {
        lock.withLock { lastProgress = event }
    }

    func finish(_ status: JobStatus) {
        lock.withLock { currentStatus = status }
        finished.signal()
    }
}
