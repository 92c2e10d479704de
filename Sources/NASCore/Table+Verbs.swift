/// The in-memory pipeline verbs: `where`, `sort`, `take`, `select`, `extend`, `summarize`, `join`.
extension Table {
    /// Runs one pipeline step on this table.
    public func applying(_ op: TableOp) throws -> Table {
        switch op {
        case .filter(let predicate): return try filtered(predicate)
        case .sort(let keys): return try sorted(by: keys)
        case .take(let n): return taking(n)
        case .select(let names): return try selecting(names)
        case .extend(let name, let expr): return try extended(name, expr)
        case .summarize(let keys, let aggregates): return try summarized(groupBy: keys, aggregates)
        case .join(let other, let keys): return try joined(with: other, on: keys)
        }
    }

    /// Column positions by name.
    public var columnIndexByName: [String: Int] {
        Dictionary(columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The position of a column, or an error that lists the columns and the closest name.
    public func requireColumn(_ name: String) throws -> Int {
        guard let i = columnIndex(name) else { throw TableError.unknownColumn(name, in: columns) }
        return i
    }

    /// The rows where `predicate` is true.
    public func filtered(_ predicate: TableExpr) throws -> Table {
        for name in predicate.columnsUsed { _ = try requireColumn(name) }
        let index = columnIndexByName
        return try filtered { row in try predicate.evaluate(row: row, columnIndex: index) == .bool(true) }
    }

    /// The rows for which `keep` returns true.
    public func filtered(_ keep: ([Cell]) throws -> Bool) throws -> Table {
        Table(columns: columns, rows: try rows.filter(keep))
    }

    /// The rows ordered by the keys (stable; missing values last in either direction).
    public func sorted(by keys: [SortKey]) throws -> Table {
        let positions = try keys.map { (try requireColumn($0.column), $0.descending) }
        let ordered = rows.enumerated().sorted { a, b in
            for (i, descending) in positions {
                let c = Cell.sortOrder(a.element[i], b.element[i], descending: descending)
                if c != 0 { return c < 0 }
            }
            return a.offset < b.offset
        }
        return Table(columns: columns, rows: ordered.map(\.element))
    }

    /// The first `n` rows (all of them when there are fewer; none for a negative `n`).
    public func taking(_ n: Int) -> Table {
        Table(columns: columns, rows: Array(rows.prefix(max(0, n))))
    }

    /// Only these columns, in this order.
    public func selecting(_ names: [String]) throws -> Table {
        let positions = try names.map { try requireColumn($0) }
        return Table(columns: names, rows: rows.map { row in positions.map { row[$0] } })
    }

    /// The table with a column computed from each row (replacing a column of that name).
    public func extended(_ name: String, _ expr: TableExpr) throws -> Table {
        for used in expr.columnsUsed { _ = try requireColumn(used) }
        let index = columnIndexByName
        let values = try rows.map { try expr.evaluate(row: $0, columnIndex: index) }
        return extended(name, values: values)
    }

    /// The table with a column of given cells (one per row), replacing a column of that name.
    public func extended(_ name: String, values: [Cell]) -> Table {
        precondition(values.count == rows.count, "one value per row")
        if let i = columnIndex(name) {
            var copy = self
            for r in copy.rows.indices { copy.rows[r][i] = values[r] }
            return copy
        }
        return Table(columns: columns + [name], rows: zip(rows, values).map { $0 + [$1] })
    }

    /// One row per group of equal key values, in order of first appearance, with the aggregates.
    public func summarized(groupBy keys: [String], _ aggregates: [Aggregate]) throws -> Table {
        let keyPositions = try keys.map { try requireColumn($0) }
        let inputs = try aggregates.map { try $0.column.map { try requireColumn($0) } }
        var order: [[Cell]] = []
        var groups: [[Cell]: [[Cell]]] = [:]
        for row in rows {
            let key = keyPositions.map { row[$0] }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(row)
        }
        if keys.isEmpty && order.isEmpty { order = [[]]; groups[[]] = [] }
        let out = try order.map { key in
            let members = groups[key] ?? []
            return try key + zip(aggregates, inputs).map { aggregate, input in
                try Self.aggregate(aggregate, input.map { i in members.map { $0[i] } } ?? [])
                    .orCount(aggregate.function, members.count)
            }
        }
        return Table(columns: keys + aggregates.map(\.name), rows: out)
    }

    /// Inner join: each pair of rows with equal values in `keys`; the right side's key columns are dropped
    /// and its other columns that clash with the left's are renamed with a `_2` suffix.
    public func joined(with other: Table, on keys: [String]) throws -> Table {
        let joinKeys = keys.isEmpty ? columns.filter { other.columns.contains($0) } : keys
        guard !joinKeys.isEmpty else {
            throw TableError("the tables share no column to join on (left: \(columns.joined(separator: ", ")); right: \(other.columns.joined(separator: ", ")))")
        }
        let left = try joinKeys.map { try requireColumn($0) }
        let right = try joinKeys.map { try other.requireColumn($0) }
        let kept = other.columns.indices.filter { !right.contains($0) }
        let names = columns + kept.map { columns.contains(other.columns[$0]) ? other.columns[$0] + "_2" : other.columns[$0] }
        var index: [[Cell]: [[Cell]]] = [:]
        for row in other.rows { index[right.map { row[$0] }, default: []].append(row) }
        var out: [[Cell]] = []
        for row in rows {
            for match in index[left.map { row[$0] }] ?? [] { out.append(row + kept.map { match[$0] }) }
        }
        return Table(columns: names, rows: out)
    }

    static func aggregate(_ aggregate: Aggregate, _ cells: [Cell]) throws -> Cell {
        if aggregate.function == .count { return .null }
        let numbers = cells.compactMap { cell -> Quantity? in
            if case .number(let q) = cell { return q }
            return nil
        }
        if numbers.count < cells.filter({ $0 != .null }).count {
            throw TableError("\(aggregate.function.rawValue)(\(aggregate.column ?? "")) needs numbers, but the column holds other values")
        }
        guard let first = numbers.first else { return .null }
        let values = numbers.map(\.value)
        let make = { (v: Double) in Cell.number(Quantity(v, first.dimension, hint: first.hint)) }
        switch aggregate.function {
        case .count: return .null
        case .sum: return make(values.reduce(0, +))
        case .mean: return make(values.reduce(0, +) / Double(values.count))
        case .min: return make(values.min()!)
        case .max: return make(values.max()!)
        case .std:
            guard values.count > 1 else { return .null }
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
            return make(variance.squareRoot())
        }
    }
}

extension Cell {
    /// Orders two cells for sorting: numbers by value, strings alphabetically, false before true,
    /// missing values last whatever the direction; values of different types by type.
    public static func sortOrder(_ a: Cell, _ b: Cell, descending: Bool) -> Int {
        switch (a, b) {
        case (.null, .null): return 0
        case (.null, _): return 1
        case (_, .null): return -1
        default:
            let c = naturalOrder(a, b)
            return descending ? -c : c
        }
    }

    static func naturalOrder(_ a: Cell, _ b: Cell) -> Int {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x.value < y.value ? -1 : (x.value > y.value ? 1 : 0)
        case (.string(let x), .string(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
        default: return typeRank(a) - typeRank(b)
        }
    }

    static func typeRank(_ c: Cell) -> Int {
        switch c {
        case .bool: return 0
        case .number: return 1
        case .string: return 2
        case .null: return 3
        }
    }

    func orCount(_ function: AggregateFunction, _ count: Int) -> Cell {
        function == .count ? .number(Quantity(Double(count), hint: .count)) : self
    }
}
