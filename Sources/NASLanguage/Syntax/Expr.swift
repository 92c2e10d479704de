import NASCore

/// An expression in the syntax tree, with where it is in the source.
public struct Expr: Sendable {
    /// What kind of expression it is.
    public var kind: ExprKind
    /// Where it is.
    public var range: SourceRange

    /// Creates an expression.
    public init(_ kind: ExprKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// The kinds of expression.
public indirect enum ExprKind: Sendable {
    /// A number with its unit: `20ms`, `5%`, `3`.
    case number(Quantity)
    /// A string literal.
    case string(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `none`.
    case none
    /// A variable, function or (inside a table verb) column name.
    case name(String)
    /// `[a, b, c]`.
    case list([Expr])
    /// `{lr: 0.1, epochs: 3}`.
    case record([RecordField])
    /// `-x`, `not x`.
    case unary(UnaryOperator, Expr)
    /// `a + b`, `a < b`, `a and b`, ….
    case binary(BinaryOperator, Expr, Expr)
    /// `a..b` (inclusive) or `a..<b` (exclusive).
    case range(Expr, Expr, inclusive: Bool)
    /// `f(x, seed: 3)`.
    case call(Expr, [Argument])
    /// `x.name`.
    case member(Expr, String, SourceRange)
    /// `x[i]`.
    case index(Expr, Expr)
    /// `table | verb …`.
    case pipe(Expr, Verb)
    /// `fn(a, b: 2) { … }` as a value.
    case function(FunctionDecl)
}

/// One field of a record literal.
public struct RecordField: Sendable {
    /// The field's name.
    public var name: String
    /// Where the name is.
    public var nameRange: SourceRange
    /// The field's value.
    public var value: Expr
}

/// One argument of a call: positional, or keyword (`seed: 3`).
public struct Argument: Sendable {
    /// The keyword, for keyword arguments.
    public var label: String?
    /// Where the keyword is.
    public var labelRange: SourceRange?
    /// The argument's value.
    public var value: Expr
}

/// Operators with one operand.
public enum UnaryOperator: String, Sendable {
    /// `-x` and `not x`.
    case negate = "-", not = "not"
}

/// Operators with two operands.
public enum BinaryOperator: String, Sendable {
    /// Arithmetic.
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "**"
    /// Comparisons.
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    /// Boolean connectives and membership.
    case and = "and", or = "or", contains = "in"

    /// The matching table-expression operator, when there is one.
    var tableOperator: TableBinaryOperator? {
        switch self {
        case .add: return .add
        case .subtract: return .subtract
        case .multiply: return .multiply
        case .divide: return .divide
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessOrEqual: return .lessOrEqual
        case .greater: return .greater
        case .greaterOrEqual: return .greaterOrEqual
        case .and: return .and
        case .or: return .or
        case .power, .contains: return nil
        }
    }
}

/// A function definition: name (empty for anonymous functions), parameters and body.
public struct FunctionDecl: Sendable {
    /// The name, or "" for `fn(x) { … }` used as a value.
    public var name: String
    /// The parameters, in order.
    public var parameters: [ParameterDecl]
    /// The statements of the body.
    public var body: [Stmt]
    /// Where the definition is.
    public var range: SourceRange
}

/// One parameter of a user function, with an optional default.
public struct ParameterDecl: Sendable {
    /// The parameter's name.
    public var name: String
    /// The default value's expression, evaluated at each call that omits the argument.
    public var defaultValue: Expr?
    /// Where the parameter is.
    public var range: SourceRange
}
