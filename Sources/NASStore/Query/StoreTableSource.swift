import NASCore

/// A table in the store that runs `where`, `sort`, `take` and `select` as one SQL query.
///
/// Each step the language applies is fused into the source's `TableQuery` while the meaning
/// of "filter, then sort, then take, then select" holds; other steps (and expressions SQL is
/// not given, such as arithmetic) return nil, and the language materialises the rows and runs
/// the rest in memory. Missing columns are reported like the in-memory verbs report them.
public struct StoreTableSource: TableSource {
    /// The store read.
    public let store: any ExperimentStore
    /// The table read.
    public let table: StoreTable
    /// The steps fused so far.
    public let query: TableQuery
    /// The columns the query returns.
    public let columns: [String]

    /// A source over one store table, with no steps yet; reads the table's columns.
    public init(store: any ExperimentStore, table: StoreTable) throws {
        try self.init(store: store, table: table, query: .all)
    }

    /// A source with a given plan; reads the columns it returns.
    public init(store: any ExperimentStore, table: StoreTable, query: TableQuery) throws {
        self.store = store
        self.table = table
        self.query = query
        var empty = query
        empty.limit = 0
        self.columns = try Self.fetch(store, table, empty).columns
    }

    public func apply(_ op: TableOp) throws -> (any TableSource)? {
        switch op {
        case .filter(let expression):
            try requireColumns(expression.columnsUsed)
            guard let filter = TableFilter(expression), let next = query.addingWhere(filter) else { return nil }
            return try with(next)
        case .sort(let keys):
            try requireColumns(keys.map(\.column))
            guard let next = query.addingSort(keys.map { TableSort($0.column, descending: $0.descending) }) else { return nil }
            return try with(next)
        case .take(let n):
            return try with(query.addingTake(n))
        case .select(let names):
            try requireColumns(names)
            guard let next = query.addingSelect(names) else { return nil }
            return try with(next)
        case .extend, .summarize, .join:
            return nil
        }
    }

    public func materialize() throws -> Table {
        try Self.fetch(store, table, query)
    }

    /// The same table with another plan; the plan is checked by running it with no rows.
    private func with(_ next: TableQuery) throws -> StoreTableSource {
        try StoreTableSource(store: store, table: table, query: next)
    }

    /// Throws the in-memory verbs' error for the first name that is not a column.
    private func requireColumns(_ names: [String]) throws {
        for name in names where !columns.contains(name) {
            throw TableError.unknownColumn(name, in: columns)
        }
    }

    private static func fetch(_ store: any ExperimentStore, _ table: StoreTable, _ query: TableQuery) throws -> Table {
        switch table {
        case .trials(let run): return try store.trialsTable(run: run, query: query)
        case .runs: return try store.runsTable(query: query)
        case .latency(let name): return try store.latencyTable(name, query: query)
        }
    }
}
