/// Where a trial stands: `pending` (queued, no worker yet), `claimed` (a queue worker holds it under a
/// lease), `running` (the run's own thread evaluates it), then `done`, `failed` or `cancelled`.
public enum TrialStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pending
    case claimed
    case running
    case done
    case failed
    case cancelled
}
