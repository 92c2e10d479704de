import NASCore

/// A problem with a benchmark table or a query on it, said in the user's terms.
///
/// When the problem sits in a file, `file` and `line` say where (`runs.csv:14: error: …`).
public struct BenchmarkError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, and what to do about it where that is clear.
    public var message: String
    /// The file the problem is in, if any (its name or path as the user gave it).
    public var file: String?
    /// The 1-based line of `file`, if the problem is on one line.
    public var line: Int?
    /// Whether `file` does not exist or cannot be read at all (rather than holding the wrong data).
    public var isUnreadableFile = false

    /// Creates an error, optionally located in a file and line.
    public init(_ message: String, file: String? = nil, line: Int? = nil) {
        self.message = message
        self.file = file
        self.line = line
    }

    /// An error about a file that does not exist or cannot be read.
    public static func unreadable(_ message: String, file: String) -> BenchmarkError {
        var error = BenchmarkError(message, file: file)
        error.isUnreadableFile = true
        return error
    }

    /// `file:line: error: message`, or just the message when there is no location.
    public var description: String {
        switch (file, line) {
        case let (file?, line?): return "\(file):\(line): error: \(message)"
        case let (file?, nil): return "\(file): error: \(message)"
        default: return message
        }
    }
}

extension BenchmarkError: InputFileFailure {}
