import NASCore

/// What a job's work sees: its cancellation token and a way to report progress.
public struct JobContext: Sendable {
    /// The job's id in its registry.
    public let jobID: Int
    /// The job's name.
    public let name: String
    /// Cancelled when the job is asked to stop; poll it in loops.
    public let token: CancellationToken
    let report: @Sendable (ProgressEvent) -> Void

    /// Reports progress: `done` of `total` units, with an optional message.
    public func progress(done: Int, total: Int?, message: String = "") {
        report(ProgressEvent(jobID: jobID, job: name, done: done, total: total, message: message))
    }

    /// Throws `CancellationError` when the job was asked to stop.
    public func check() throws { try token.check() }

    /// Whether the job was asked to stop.
    public var isCancelled: Bool { token.isCancelled }
}
