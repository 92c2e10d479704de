import NASLanguage

/// The completeness check that exporters and the chunker use: the interpreter's own, the one
/// the REPL asks before it runs a cell, so a saved session splits where the REPL did.
public enum LanguageCompleteness {
    /// Whether `source` is a complete statement (`Interpreter.isComplete`).
    @Sendable public static func check(_ source: String) -> Bool {
        Interpreter.isComplete(source)
    }
}
