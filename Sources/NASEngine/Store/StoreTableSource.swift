import NASCore
import NASStore

/// A table of the experiment store (trials or runs) that runs pipeline steps as SQL.
///
/// `where` (comparisons of a column with a constant, combined with and/or/not), `sort`, `take`
/// and `select` are fused into one `TableQuery`, which the store turns into a single
/// parameterised statement; other steps (computed columns, groups, joins) and steps the plan
/// cannot fuse make the language fetch the rows and continue in memory.
public struct StoreTableSource: TableSource {
    /// Which store table.
    public enum Kind: Sendable, Hashable {
        /// The trials of one run, or of every run when nil.
        case trials(run: Int64?)
        /// The runs.
        case runs
    }

    /// The store read.
    public let store: any ExperimentStore
    /// Which table.
    public let kind: Kind
    /// The steps fused so far.
    public let query: TableQuery
    /// The column names of the result.
    public let columns: [String]

    /// A source over a whole store table; reads its column names (no rows).
    public init(store: any ExperimentStore, kind: Kind) throws {
        try self.init(store: store, kind: kind, query: .all)
    }

    private init(store: any ExperimentStore, kind: Kind, query: TableQuery) throws {
        self.store = store
        self.kind = kind
        self.query = query
        var probe = query
        probe.limit = 0
        self.columns = try Self.fetch(store, kind, probe).columns
    }

    /// Fuses the step into the query when it can; nil to fall back to memory.
    public func apply(_ op: TableOp) throws -> (any TableSource)? {
        let next: TableQuery?
        switch op {
        case .filter(let expression): next = Self.filter(expression).flatMap(query.addingWhere)
        case .sort(let keys): next = query.addingSort(keys.map { TableSort($0.column, descending: $0.descending) })
        case .take(let n): next = query.addingTake(n)
        case .select(let names): next = query.addingSelect(names)
        default: next = nil
        }
        guard let next else { return nil }
        return try StoreTableSource(store: store, kind: kind, query: next)
    }

    /// Runs the fused query.
    public func materialize() throws -> Table {
        try Self.fetch(store, kind, query)
    }

    private static func fetch(_ store: any ExperimentStore, _ kind: Kind, _ query: TableQuery) throws -> Table {
        switch kind {
        case .trials(let run): return try store.trialsTable(run: run, query: query)
        case .runs: return try store.runsTable(query: query)
        }
    }

    /// The store filter for a row expression, or nil when it is more than comparisons of columns
    /// with constants joined by and/or/not.
    static func filter(_ expression: TableExpr) -> TableFilter? {
        switch expression {
        case .unary(.not, let inner):
            return filter(inner).map { .not($0) }
        case .binary(.and, let a, let b):
            guard let left = filter(a), let right = filter(b) else { return nil }
            return .and(left, right)
        case .binary(.or, let a, let b):
            guard let left = filter(a), let right = filter(b) else { return nil }
            return .or(left, right)
        case .binary(let op, .column(let name), .literal(let value)):
            return comparison(op).map { .compare(name, $0, value) }
        case .binary(let op, .literal(let value), .column(let name)):
            return comparison(op).map { .compare(name, mirrored($0), value) }
        case .column(let name):
            return .compare(name, .equal, .bool(true))
        default:
            return nil
        }
    }

    private static func comparison(_ op: TableBinaryOperator) -> ComparisonOperator? {
        switch op {
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessOrEqual: return .lessOrEqual
        case .greater: return .greater
        case .greaterOrEqual: return .greaterOrEqual
        default: return nil
        }
    }

    /// The operator with its sides swapped: `3 < x` is `x > 3`.
    private static func mirrored(_ op: ComparisonOperator) -> ComparisonOperator {
        switch op {
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        case .equal, .notEqual: return op
        }
    }
}
