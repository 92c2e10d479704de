/// An error while running a script, located at the expression that caused it.
struct RuntimeError: Error {
    /// What stopped the script.
    enum Kind {
        /// The script is wrong (exit 65).
        case error
        /// An `assert` failed (exit 1).
        case assertion
        /// An input data file is missing or cannot be read (exit 66).
        case inputMissing
        /// Ctrl-C (exit 130).
        case interrupted
        /// naslab could not do its own work: its workspace or store failed, or an internal error (exit 70).
        case system
    }

    var kind: Kind
    var message: String
    var range: SourceRange
    /// The source `range` is in, when it is not the text being run: the error happened inside a
    /// function defined in an earlier execution (a REPL cell, a `--keep-going` statement).
    var origin: SourceOrigin?

    init(_ message: String, at range: SourceRange, kind: Kind = .error) {
        self.kind = kind
        self.message = message
        self.range = range
    }
}
