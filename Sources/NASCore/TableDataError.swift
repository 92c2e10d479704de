/// An error about a table's data or its file: a file that cannot be read, a bad CSV line.
public enum TableDataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A file could not be read or written.
    case file(path: String, reason: String)
    /// A file to read does not exist or cannot be read.
    case unreadable(path: String)
    /// A file name whose extension is not a known table format.
    case unsupportedFormat(path: String)
    /// A line of a CSV or JSON file that does not parse.
    case malformed(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .file(let path, let reason):
            return "\(path): \(reason)"
        case .unreadable(let path):
            return "\(path): no such file or it cannot be read"
        case .unsupportedFormat(let path):
            return "\(path): tables are saved and loaded as .csv or .json"
        case .malformed(let path, let line, let reason):
            return "\(path):\(line): \(reason)"
        }
    }
}

extension TableDataError: InputFileFailure {
    /// A file to read that does not exist or cannot be read.
    public var isUnreadableFile: Bool {
        if case .unreadable = self { return true }
        return false
    }
}
