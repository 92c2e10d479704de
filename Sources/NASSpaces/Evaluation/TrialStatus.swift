/// Where a trial stands.
public enum TrialStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pending
    case running
    case done
    case failed
    case cancelled
}
