/// Decides whether an input is complete or needs more lines; shared by the REPL and files.
enum Completeness {
    /// False when the input ends inside a string or brackets, or after a token that needs a
    /// continuation (a binary operator, `|`, `,`, `:`, `=`, `else`, `in`).
    static func isComplete(_ source: String) -> Bool {
        let lexer = Lexer(source)
        if lexer.endsInsideString { return false }
        if !lexer.openBrackets.isEmpty { return false }
        let significant = lexer.tokens.filter { $0.kind != .newline && $0.kind != .eof }
        guard let last = significant.last else { return true }
        if let first = significant.first, first.kind == .question || (first.text == "help" && significant.count <= 2 && first.kind == .identifier) {
            return true
        }
        return !last.kind.expectsContinuation
    }
}
