/// One value in a table: a number with its unit, a string, a boolean, or missing.
public enum Cell: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Quantity)
    case string(String)

    /// The number in base units, or nil for non-numbers.
    public var doubleValue: Double? {
        if case .number(let q) = self { return q.value }
        return nil
    }

    /// The string, or nil for non-strings.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

extension Cell: CustomStringConvertible {
    /// The cell as printed in a table.
    public var description: String {
        switch self {
        case .null: return "none"
        case .bool(let b): return b ? "true" : "false"
        case .number(let q): return q.description
        case .string(let s): return s
        }
    }
}
