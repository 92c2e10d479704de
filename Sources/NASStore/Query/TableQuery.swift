/// A pipeline of `where`, `sort`, `take` and `select` steps fused into one plan for the store.
///
/// The plan always means: filter, then sort, then take, then select. A pipeline in another order
/// fuses only as far as that meaning holds; the `adding...` methods return nil where it would not
/// (a `where` after a `take`), and the caller runs the rest of the pipeline in memory.
public struct TableQuery: Sendable, Hashable {
    /// The rows kept (all of them when nil).
    public var filter: TableFilter?
    /// The order, first key first (store order when empty).
    public var sort: [TableSort]
    /// At most this many rows.
    public var limit: Int?
    /// The columns kept, in this order (all when nil).
    public var columns: [String]?

    /// Creates a plan.
    public init(filter: TableFilter? = nil, sort: [TableSort] = [], limit: Int? = nil, columns: [String]? = nil) {
        self.filter = filter
        self.sort = sort
        self.limit = limit
        self.columns = columns
    }

    /// Every row, every column.
    public static let all = TableQuery()

    /// The plan followed by `where condition`; nil when a `take` already applies.
    public func addingWhere(_ condition: TableFilter) -> TableQuery? {
        guard limit == nil else { return nil }
        if let kept = columns, !condition.columns.allSatisfy(kept.contains) { return nil }
        var next = self
        next.filter = filter.map { .and($0, condition) } ?? condition
        return next
    }

    /// The plan followed by `sort keys`; nil when a `take` already applies.
    public func addingSort(_ keys: [TableSort]) -> TableQuery? {
        guard limit == nil else { return nil }
        if let kept = columns, !keys.map(\.column).allSatisfy(kept.contains) { return nil }
        var next = self
        next.sort = keys + sort.filter { old in !keys.contains { $0.column == old.column } }
        return next
    }

    /// The plan followed by `take n`.
    public func addingTake(_ n: Int) -> TableQuery {
        var next = self
        next.limit = min(limit ?? max(n, 0), max(n, 0))
        return next
    }

    /// The plan followed by `select names`; nil when it names a column an earlier select dropped.
    public func addingSelect(_ names: [String]) -> TableQuery? {
        if let kept = columns, !names.allSatisfy(kept.contains) { return nil }
        var next = self
        next.columns = names
        return next
    }
}
