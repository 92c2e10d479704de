/// A comparison in a `where` step.
public enum ComparisonOperator: String, Sendable, Hashable, Codable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// The SQL spelling.
    var sql: String {
        switch self {
        case .equal: return "="
        case .notEqual: return "<>"
        default: return rawValue
        }
    }
}
