extension TableExpr {
    /// Evaluates the expression on one row; `columnIndex` maps column names to positions in `row`.
    ///
    /// Missing values propagate through arithmetic; comparisons with a missing value are false
    /// (`!=` is true), as in SQL. Numbers of different kinds neither add nor compare.
    public func evaluate(row: [Cell], columnIndex: [String: Int]) throws -> Cell {
        switch self {
        case .column(let name):
            guard let i = columnIndex[name] else {
                throw TableError.unknownColumn(name, in: columnIndex.sorted { $0.value < $1.value }.map(\.key))
            }
            return row[i]
        case .literal(let cell):
            return cell
        case .unary(let op, let operand):
            return try Self.apply(op, try operand.evaluate(row: row, columnIndex: columnIndex))
        case .binary(.and, let a, let b):
            guard try Self.truth(a.evaluate(row: row, columnIndex: columnIndex), "and") else { return .bool(false) }
            return .bool(try Self.truth(b.evaluate(row: row, columnIndex: columnIndex), "and"))
        case .binary(.or, let a, let b):
            if try Self.truth(a.evaluate(row: row, columnIndex: columnIndex), "or") { return .bool(true) }
            return .bool(try Self.truth(b.evaluate(row: row, columnIndex: columnIndex), "or"))
        case .binary(let op, let a, let b):
            let l = try a.evaluate(row: row, columnIndex: columnIndex)
            let r = try b.evaluate(row: row, columnIndex: columnIndex)
            return op.isComparison ? .bool(try Self.compare(op, l, r)) : try Self.arithmetic(op, l, r)
        }
    }

    static func truth(_ cell: Cell, _ op: String) throws -> Bool {
        switch cell {
        case .bool(let b): return b
        case .null: return false
        default: throw TableError("'\(op)' needs true or false, got \(cell)")
        }
    }

    static func apply(_ op: TableUnaryOperator, _ cell: Cell) throws -> Cell {
        switch (op, cell) {
        case (_, .null): return .null
        case (.negate, .number(let q)): return .number(Quantity(-q.value, q.dimension, hint: q.hint))
        case (.not, .bool(let b)): return .bool(!b)
        case (.negate, _): throw TableError("cannot negate \(cell): it is not a number")
        case (.not, _): throw TableError("'not' needs true or false, got \(cell)")
        }
    }

    static func arithmetic(_ op: TableBinaryOperator, _ l: Cell, _ r: Cell) throws -> Cell {
        switch (l, r) {
        case (.null, _), (_, .null): return .null
        case (.number(let a), .number(let b)):
            let result: Quantity
            switch op {
            case .add: result = try Quantity.adding(a, b)
            case .subtract: result = try Quantity.subtracting(a, b)
            case .multiply: result = try Quantity.multiplying(a, b)
            default: result = try Quantity.dividing(a, b)
            }
            guard result.value.isFinite || !a.value.isFinite || !b.value.isFinite else {
                throw TableError("\(a) \(op.rawValue) \(b) \(result.value.isNaN ? "is not a number" : "overflows: the result is beyond 1.8e308, the largest number")")
            }
            return .number(result)
        case (.string(let a), .string(let b)) where op == .add:
            return .string(a + b)
        default:
            throw TableError("cannot apply '\(op.rawValue)' to \(l) and \(r)")
        }
    }

    static func compare(_ op: TableBinaryOperator, _ l: Cell, _ r: Cell) throws -> Bool {
        if case .null = l { return nullComparison(op, r == .null) }
        if case .null = r { return nullComparison(op, false) }
        let order: Int
        switch (l, r) {
        case (.number(let a), .number(let b)): order = try Quantity.compare(a, b)
        case (.string(let a), .string(let b)): order = a < b ? -1 : (a > b ? 1 : 0)
        case (.bool(let a), .bool(let b)) where op == .equal || op == .notEqual: order = a == b ? 0 : 1
        default: throw TableError("cannot compare \(l) with \(r)")
        }
        switch op {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        default: return order >= 0
        }
    }

    static func nullComparison(_ op: TableBinaryOperator, _ bothNull: Bool) -> Bool {
        switch op {
        case .equal: return bothNull
        case .notEqual: return !bothNull
        default: return false
        }
    }
}
