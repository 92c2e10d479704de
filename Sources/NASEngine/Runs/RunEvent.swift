import NASStore

/// What a run reports while it works.
public enum RunEvent: Sendable {
    /// A trial finished (done, failed, or reused from the cache) and was recorded.
    case trialFinished(TrialRecord, RunProgress)
    /// The run stopped: budget spent, strategy finished, cancelled, or failed.
    case finished(RunProgress)
}
