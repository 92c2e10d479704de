/// One step of a table pipeline after `|`.
public struct Verb: Sendable {
    /// What the step does.
    public var kind: VerbKind
    /// Where the verb's name is.
    public var nameRange: SourceRange
}

/// A column name as written in a verb, with where it is.
public struct ColumnRef: Sendable {
    /// The column's name.
    public var name: String
    /// Where it is written.
    public var range: SourceRange
}

/// The kinds of pipeline step.
public enum VerbKind: Sendable {
    /// `where cond`.
    case filter(Expr)
    /// `sort a desc, b`.
    case sort([(ColumnRef, descending: Bool)])
    /// `take n`.
    case take(Expr)
    /// `select a, b`.
    case select([ColumnRef])
    /// `extend name: expr, …`.
    case extend([RecordField])
    /// `group by a, b summarize n: count(), m: mean(x)` (or `summarize …` alone).
    case summarize(groupBy: [ColumnRef], [RecordField])
    /// `join other on a, b` (without `on`: the shared columns).
    case join(Expr, on: [ColumnRef])
    /// `pareto accuracy max, latency min`: the rows no other row beats on both columns.
    case pareto([(ColumnRef, maximize: Bool)])
    /// `plot x: trial, y: best, …`: calls the `plot` builtin with the left side, bare names being columns.
    case plot([RecordField])
    /// `| f(args)`: calls `f` with the left side as the first argument.
    case call(Expr, [Argument])

    /// The verbs that have their own syntax, for help and completion.
    public static let names = ["where", "sort", "take", "select", "extend", "group", "summarize", "join", "pareto", "plot"]
}
