import NASCore

extension TableFilter {
    /// The filter for a `where` expression, or nil when the store cannot run it (arithmetic,
    /// two columns compared, a constant alone); the caller then filters in memory.
    public init?(_ expression: TableExpr) {
        switch expression {
        case .column(let name):
            self = .compare(name, .equal, .bool(true))
        case .unary(.not, let operand):
            guard let inner = TableFilter(operand) else { return nil }
            self = .not(inner)
        case .binary(.and, let a, let b):
            guard let left = TableFilter(a), let right = TableFilter(b) else { return nil }
            self = .and(left, right)
        case .binary(.or, let a, let b):
            guard let left = TableFilter(a), let right = TableFilter(b) else { return nil }
            self = .or(left, right)
        case .binary(let op, .column(let name), .literal(let value)):
            guard let comparison = ComparisonOperator(op) else { return nil }
            self = .compare(name, comparison, value)
        case .binary(let op, .literal(let value), .column(let name)):
            guard let comparison = ComparisonOperator(op)?.mirrored else { return nil }
            self = .compare(name, comparison, value)
        default:
            return nil
        }
    }
}

extension ComparisonOperator {
    /// The comparison of a pipeline expression, or nil for other operators.
    init?(_ op: TableBinaryOperator) {
        switch op {
        case .equal: self = .equal
        case .notEqual: self = .notEqual
        case .less: self = .less
        case .lessOrEqual: self = .lessOrEqual
        case .greater: self = .greater
        case .greaterOrEqual: self = .greaterOrEqual
        default: return nil
        }
    }

    /// The operator with its operands swapped (`3 < x` is `x > 3`).
    var mirrored: ComparisonOperator {
        switch self {
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        default: return self
        }
    }
}
