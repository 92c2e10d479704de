/// An error about a table's data or its file: a missing column, a value of the wrong kind, a bad CSV line.
public enum TableDataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A verb named a column the table does not have.
    case missingColumn(String, available: [String])
    /// A file could not be read or written.
    case file(path: String, reason: String)
    /// A file name whose extension is not a known table format.
    case unsupportedFormat(path: String)
    /// A line of a CSV or JSON file that does not parse.
    case malformed(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .missingColumn(let name, let available):
            return "no column '\(name)'; columns are: \(available.joined(separator: ", "))"
        case .file(let path, let reason):
            return "\(path): \(reason)"
        case .unsupportedFormat(let path):
            return "\(path): tables are saved and loaded as .csv or .json"
        case .malformed(let path, let line, let reason):
            return "\(path):\(line): \(reason)"
        }
    }
}
