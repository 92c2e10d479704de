/// The completeness check exporters use by default: the language's own.
public enum LanguageCompleteness {
    /// Whether `source` is a complete statement.
    @Sendable public static func check(_ source: String) -> Bool {
        BracketBalance.isBalanced(source)
    }
}
