/// An error while running a script, located at the expression that caused it.
struct RuntimeError: Error {
    /// What stopped the script.
    enum Kind {
        case error, assertion, interrupted
    }

    var kind: Kind
    var message: String
    var range: SourceRange

    init(_ message: String, at range: SourceRange, kind: Kind = .error) {
        self.kind = kind
        self.message = message
        self.range = range
    }
}
