/// An expression over one row of a table, as a tree a store can translate to SQL.
///
/// The language compiles the argument of `where` (and of computed columns) into this form
/// when it only uses columns, constants, arithmetic, comparisons and `and`/`or`/`not`.
public indirect enum TableExpr: Sendable, Hashable {
    /// The value of a column in the current row.
    case column(String)
    /// A constant.
    case literal(Cell)
    /// `-x` or `not x`.
    case unary(TableUnaryOperator, TableExpr)
    /// `a op b`.
    case binary(TableBinaryOperator, TableExpr, TableExpr)

    /// The column names this expression reads.
    public var columnsUsed: [String] {
        switch self {
        case .column(let name): return [name]
        case .literal: return []
        case .unary(_, let e): return e.columnsUsed
        case .binary(_, let a, let b): return a.columnsUsed + b.columnsUsed
        }
    }
}

/// An operator with one operand in a `TableExpr`.
public enum TableUnaryOperator: String, Sendable, Hashable {
    /// Arithmetic negation.
    case negate = "-"
    /// Boolean negation.
    case not = "not"
}

/// An operator with two operands in a `TableExpr`.
public enum TableBinaryOperator: String, Sendable, Hashable, CaseIterable {
    /// Arithmetic.
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    /// Comparisons.
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    /// Boolean connectives.
    case and = "and", or = "or"

    /// Whether the operator compares two values and yields a boolean.
    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return true
        default: return false
        }
    }
}
