/// Which trials a `SearchLoop` keeps in memory: all of them, only the incumbent, or none.
///
/// An in-memory study that tabulates every trial keeps all (up to a limit, so a huge budget is
/// an error rather than an exhausted memory); one that reports only what each run chose keeps the
/// incumbent, in constant memory however long the run; a store-backed run keeps none (the store has them).
public enum TrialKeeping: Sendable, Hashable {
    /// Every trial, at most `limit` of them (more is an error that says so).
    case all(limit: Int)
    /// Only the incumbent trial.
    case best
    /// None.
    case none

    /// The most trials kept in memory by default: 5 million, about half a gigabyte of records.
    public static let defaultLimit = 5_000_000

    /// Every trial, up to `defaultLimit`.
    public static let every = TrialKeeping.all(limit: defaultLimit)
}
