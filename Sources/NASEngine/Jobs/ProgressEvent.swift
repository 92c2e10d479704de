/// A report from a running job: how much is done, of how much, and what it is doing.
public struct ProgressEvent: Sendable, Hashable {
    /// The id of the job that reports.
    public var jobID: Int
    /// The job's name, as shown to the user.
    public var job: String
    /// Units of work finished so far.
    public var done: Int
    /// Units of work in all, when known.
    public var total: Int?
    /// A short line about the current step.
    public var message: String
    /// Whether this is the job's last event (it finished, failed or was cancelled).
    public var isFinal: Bool

    /// Creates a progress event.
    public init(jobID: Int, job: String, done: Int, total: Int?, message: String = "", isFinal: Bool = false) {
        self.jobID = jobID
        self.job = job
        self.done = done
        self.total = total
        self.message = message
        self.isFinal = isFinal
    }

    /// The finished fraction in [0, 1], when the total is known and positive.
    public var fraction: Double? {
        guard let total, total > 0 else { return nil }
        return min(1, max(0, Double(done) / Double(total)))
    }
}
