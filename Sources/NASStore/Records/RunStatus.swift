/// Where a run stands.
public enum RunStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Its loop is working (or was, when the process that ran it was killed).
    case running
    /// The budget was spent or the strategy finished.
    case done
    /// The loop stopped on an error (recorded in the run's `error`).
    case failed
    /// Someone asked it to stop; it can be resumed.
    case cancelled
    /// The process working it ended without stopping it (killed, crashed); it can be resumed.
    case interrupted

    /// Whether the run can be resumed (its loop is not known to have ended normally).
    public var isResumable: Bool { self == .running || self == .cancelled || self == .interrupted }
}
