/// An error from the experiment store, worded for the person who typed the query.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A query named a column that the table does not have.
    case unknownColumn(String, table: String, available: [String])
    /// A comparison mixed kinds (`accuracy > "high"`).
    case typeMismatch(column: String, expected: String, got: String)
    /// `sql(...)` was given something other than one read-only SELECT.
    case notReadOnly(String)
    /// A run id that the store does not know.
    case noSuchRun(Int64)
    /// A latency table name that the store does not know.
    case noSuchLatencyTable(String, available: [String])
    /// A stored value that could not be read back.
    case corrupt(String)
    /// The database said no.
    case database(String)

    public var description: String {
        switch self {
        case .unknownColumn(let name, let table, let available):
            return "no column '\(name)' in \(table); columns are: \(available.joined(separator: ", "))"
        case .typeMismatch(let column, let expected, let got):
            return "column '\(column)' holds \(expected), but it was compared with \(got)"
        case .notReadOnly(let why):
            return "sql() runs one read-only SELECT: \(why)"
        case .noSuchRun(let id):
            return "no run \(id) in the store"
        case .noSuchLatencyTable(let name, let available):
            let known = available.isEmpty ? "there are none" : "known: " + available.joined(separator: ", ")
            return "no latency table '\(name)'; \(known)"
        case .corrupt(let what):
            return "the store holds an unreadable value: \(what)"
        case .database(let message):
            return "store error: \(message)"
        }
    }
}
