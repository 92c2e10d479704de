/// One step of a table pipeline, as data: what `where`, `sort`, `take`, … ask for.
///
/// Keeping the steps as values lets a store-backed table translate a whole pipeline to a
/// query (`TableSource.apply`) and lets an in-memory `Table` run it (`Table.applying`).
public enum TableOp: Sendable, Hashable {
    /// Keep the rows where the expression is true.
    case filter(TableExpr)
    /// Order the rows by keys, first key first; the sort is stable.
    case sort([SortKey])
    /// Keep the first `n` rows.
    case take(Int)
    /// Keep these columns, in this order.
    case select([String])
    /// Add (or replace) a column computed from each row.
    case extend(String, TableExpr)
    /// One row per group of equal key values (one row in all when there are no keys), with aggregates.
    case summarize(groupBy: [String], aggregates: [Aggregate])
    /// Inner join with another table on columns both have.
    case join(Table, on: [String])
}

/// A sort key: a column and a direction.
public struct SortKey: Sendable, Hashable {
    /// The column to order by.
    public var column: String
    /// Largest first when true.
    public var descending: Bool

    /// Creates a sort key.
    public init(_ column: String, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }
}

/// One output column of `summarize`: a name, a function and the column it reads.
public struct Aggregate: Sendable, Hashable {
    /// The output column's name.
    public var name: String
    /// The function to apply.
    public var function: AggregateFunction
    /// The column it reads; nil for `count()`.
    public var column: String?

    /// Creates an aggregate.
    public init(name: String, function: AggregateFunction, column: String?) {
        self.name = name
        self.function = function
        self.column = column
    }
}

/// The functions `summarize` knows.
public enum AggregateFunction: String, Sendable, Hashable, CaseIterable {
    /// The number of rows.
    case count
    /// The sum of the numbers.
    case sum
    /// The arithmetic mean of the numbers.
    case mean
    /// The smallest value.
    case min
    /// The largest value.
    case max
    /// The sample standard deviation (divisor n − 1; none for fewer than two numbers).
    case std
}
