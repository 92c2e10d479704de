/// A problem in a script, located in its source: parse errors, runtime errors, failed asserts.
public struct Diagnostic: Sendable, Hashable, Error {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Hashable {
        /// Stops the script.
        case error
        /// Worth knowing; the script goes on.
        case warning
        /// Extra information attached to the message before.
        case note
    }

    /// How serious it is.
    public var severity: Severity
    /// What is wrong, in the user's terms (may end with "did you mean …?").
    public var message: String
    /// The file (or `<stdin>`, `<cell 3>`) the source came from.
    public var file: String
    /// Where the problem is; nil for problems with no place (a missing file).
    public var range: SourceRange?
    /// The full text of the source line at `range`, filled in when the diagnostic is rendered.
    public var sourceLine: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity = .error, message: String, file: String, range: SourceRange?, sourceLine: String? = nil) {
        self.severity = severity
        self.message = message
        self.file = file
        self.range = range
        self.sourceLine = sourceLine
    }
}
