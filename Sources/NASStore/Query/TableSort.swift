/// One key of a `sort` step.
public struct TableSort: Sendable, Hashable {
    /// The column sorted on.
    public var column: String
    /// Largest first.
    public var descending: Bool

    /// Creates a sort key.
    public init(_ column: String, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }
}
