/// Where a job is in its life.
public enum JobStatus: Sendable, Hashable {
    /// Started and not yet finished.
    case running
    /// Finished normally.
    case succeeded
    /// Stopped by an error; the message says why.
    case failed(String)
    /// Stopped because it was asked to (Ctrl-C or `cancel`).
    case cancelled

    /// Whether the job has ended, whichever way.
    public var isFinished: Bool {
        if case .running = self { return false }
        return true
    }

    /// One word for listings: running, succeeded, failed or cancelled.
    public var word: String {
        switch self {
        case .running: return "running"
        case .succeeded: return "succeeded"
        case .failed: return "failed"
        case .cancelled: return "cancelled"
        }
    }
}
