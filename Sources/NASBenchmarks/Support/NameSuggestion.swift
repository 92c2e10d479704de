import NASCore

/// The "did you mean …" hint in the form benchmark errors use: ` (did you mean 'x'?)`.
///
/// The choice of name is `Spelling.suggestion`'s, the one suggestion function of naslab.
enum NameSuggestion {
    /// " (did you mean 'x'?)" or an empty string.
    static func hint(for name: String, among candidates: [String]) -> String {
        Spelling.suggestion(for: name, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
