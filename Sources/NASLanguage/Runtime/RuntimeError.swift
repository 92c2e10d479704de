/// An error while running a script, located at the expression that caused it.
struct RuntimeError: Error {
    /// What stopped the script.
    enum Kind {
        /// The script is wrong (exit 65).
        case error
        /// An `assert` failed (exit 1).
        case assertion
        /// Ctrl-C (exit 130).
        case interrupted
        /// naslab could not do its own work: its workspace or store failed, or an internal error (exit 70).
        case system
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
