/// A stand-in completeness check: brackets balanced outside strings and no trailing operator.
enum BracketBalance {
    /// Whether every `(`, `[` and `{` outside strings and comments is closed.
    static func isBalanced(_ source: String) -> Bool {
        var depth = 0
        var quote: Character?
        var inComment = false
        for character in source {
            if inComment {
                if character == "\n" { inComment = false }
            } else if let open = quote {
                if character == open { quote = nil }
            } else {
                switch character {
                case "\"", "'": quote = character
                case "#": inComment = true
                case "(", "[", "{": depth += 1
                case ")", "]", "}": depth -= 1
                default: break
                }
            }
        }
        return depth <= 0 && quote == nil
    }
}
