import NASCore

/// A value in the language.
public enum Value {
    /// `none`: no value.
    case none
    /// `true` or `false`.
    case bool(Bool)
    /// A number with its unit (`20ms`, `64MB`, `10k`, `5%`, `3`).
    case number(Quantity)
    /// Text.
    case string(String)
    /// `[a, b, c]`.
    case list([Value])
    /// `{name: value, …}`.
    case record(Record)
    /// `2..8`, `0..<n`.
    case range(RangeValue)
    /// A table (in memory or store-backed).
    case table(TableValue)
    /// A function: user-defined or builtin.
    indirect case function(FunctionValue)
    /// An engine object (space, architecture, run, …).
    case object(any DomainValue)

    /// A plain number.
    public static func number(_ value: Double) -> Value { .number(Quantity(value)) }

    /// An in-memory table.
    public static func table(_ table: Table) -> Value { .table(TableValue(table)) }

    /// The value's type as the user sees it: number, time, bytes, string, bool, none, list, record,
    /// range, table, function, or the domain object's type name.
    public var typeName: String {
        switch self {
        case .none: return "none"
        case .bool: return "bool"
        case .number(let q):
            switch q.dimension {
            case .scalar: return "number"
            case .time: return "time"
            case .bytes: return "bytes"
            }
        case .string: return "string"
        case .list: return "list"
        case .record: return "record"
        case .range: return "range"
        case .table: return "table"
        case .function: return "function"
        case .object(let o): return o.typeName
        }
    }

    /// The value as a table cell, or nil for values a table cannot hold (lists, records, …).
    public var cell: Cell? {
        switch self {
        case .none: return Cell.null
        case .bool(let b): return .bool(b)
        case .number(let q): return .number(q)
        case .string(let s): return .string(s)
        default: return nil
        }
    }

    /// The value of a table cell.
    public init(_ cell: Cell) {
        switch cell {
        case .null: self = .none
        case .bool(let b): self = .bool(b)
        case .number(let q): self = .number(q)
        case .string(let s): self = .string(s)
        }
    }

    /// The value's kind with a glimpse of it, for messages: `a plain number (3)`, `time (20ms)`,
    /// `the string "abc"`, `a list`.
    public var kindDescription: String {
        switch self {
        case .number(let q): return q.kindDescription
        case .string(let s): return "the string \(Value.quote(String(s.prefix(30))))"
        case .none: return "none"
        default: return IndefiniteArticle.prefixing(typeName)
        }
    }

    /// Whether the value counts as true in `if`, `while`, `and`, `or`, `not` and `assert` (only booleans are allowed).
    var isNone: Bool {
        if case .none = self { return true }
        return false
    }
}

extension Value {
    /// Structural equality; numbers of different kinds throw a unit error.
    public func equals(_ other: Value) throws -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return try Quantity.compare(a, b) == 0
        case (.string(let a), .string(let b)): return a == b
        case (.list(let a), .list(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where try !x.equals(y) { return false }
            return true
        case (.record(let a), .record(let b)):
            guard a.keys.sorted() == b.keys.sorted() else { return false }
            for key in a.keys where try !(a[key]!.equals(b[key]!)) { return false }
            return true
        case (.range(let a), .range(let b)): return a == b
        case (.table(let a), .table(let b)): return (try? a.materialize()) == (try? b.materialize())
        case (.function(let a), .function(let b)):
            switch (a, b) {
            case (.user(let x), .user(let y)): return x === y
            case (.builtin(let x), .builtin(let y)): return x.name == y.name
            default: return false
            }
        case (.object(let a), .object(let b)): return a.isEqual(to: b)
        case (.object, .number), (.number, .object):
            guard CountValue.isCount(self) || CountValue.isCount(other),
                  let a = CountValue.exact(self), let b = CountValue.exact(other) else { return false }
            return a == b
        default: return false
        }
    }
}
