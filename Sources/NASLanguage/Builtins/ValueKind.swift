import NASCore

/// What kind of value a builtin's parameter accepts; checked before the builtin runs.
public enum ValueKind: Sendable, Hashable {
    /// Anything.
    case any
    /// Any number, with or without a unit.
    case number
    /// A plain number (no time or memory unit); percentages, and counts (a space's size), are plain numbers.
    case plainNumber
    /// A whole plain number.
    case integer
    /// A duration (`5s`, `20ms`).
    case time
    /// An amount of memory (`64MB`).
    case bytes
    /// Text.
    case string
    /// `true` or `false`.
    case bool
    /// A list or a range.
    case list
    /// A record.
    case record
    /// A table (a list of records is converted).
    case table
    /// A function.
    case function
    /// A domain object of this type name.
    case object(String)

    /// Whether `value` is acceptable.
    public func accepts(_ value: Value) -> Bool {
        switch (self, value) {
        case (.any, _): return true
        case (.number, .number): return true
        case (.plainNumber, .number(let q)): return q.dimension == .scalar
        case (.number, .object), (.plainNumber, .object): return CountValue.isCount(value)
        case (.integer, .number(let q)): return q.wholeNumber != nil
        case (.time, .number(let q)): return q.dimension == .time
        case (.bytes, .number(let q)): return q.dimension == .bytes
        case (.string, .string), (.bool, .bool), (.record, .record), (.table, .table), (.function, .function): return true
        case (.list, .list), (.list, .range): return true
        case (.table, .list(let items)): return items.allSatisfy { if case .record = $0 { return true }; return false }
        case (.object(let name), .object(let o)): return o.typeName == name
        default: return false
        }
    }

    /// How the kind reads in messages and help: "a time (like 5s)".
    public var noun: String {
        switch self {
        case .any: return "any value"
        case .number: return "a number"
        case .plainNumber: return "a plain number"
        case .integer: return "a whole number"
        case .time: return "a time (like 5s or 20ms)"
        case .bytes: return "a memory size (like 64MB)"
        case .string: return "a string"
        case .bool: return "true or false"
        case .list: return "a list"
        case .record: return "a record"
        case .table: return "a table"
        case .function: return "a function"
        case .object(let name): return IndefiniteArticle.prefixing(name)
        }
    }

    /// What a refused `value` should have been, as the end of "argument 'seed' of sample() …":
    /// `must be a time (like 5s or 20ms)`, or `is too large (at most …)` for a whole number past the limit.
    public func requirement(for value: Value) -> String {
        if self == .integer { return value.wholeNumberProblem }
        return "must be \(noun)"
    }

    /// A short tag for signatures: `time`, `int`, `table`, ….
    public var tag: String {
        switch self {
        case .any: return "any"
        case .number: return "number"
        case .plainNumber: return "number"
        case .integer: return "int"
        case .time: return "time"
        case .bytes: return "bytes"
        case .string: return "string"
        case .bool: return "bool"
        case .list: return "list"
        case .record: return "record"
        case .table: return "table"
        case .function: return "function"
        case .object(let name): return name
        }
    }
}
