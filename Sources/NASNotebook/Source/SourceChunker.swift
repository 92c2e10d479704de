/// Splits a script into top-level statements, each with the line it starts on.
///
/// Lines are gathered until the language's completeness check accepts them and the next
/// non-blank line does not start with `|` (which continues a pipeline) or `else` (which
/// continues an `if`). Blank lines and
/// comment-only lines between statements are dropped. `naslab --echo` and `--keep-going`
/// run scripts statement by statement through this.
public struct SourceChunker: Sendable {
    /// One top-level statement of a script.
    public struct Chunk: Sendable, Equatable {
        /// The statement's text (one or more lines, without the final newline).
        public var text: String
        /// The 1-based line the statement starts on.
        public var line: Int

        /// Creates a chunk.
        public init(text: String, line: Int) {
            self.text = text
            self.line = line
        }
    }

    /// Decides whether a piece of source is a complete statement (the language's own check).
    public let isComplete: @Sendable (String) -> Bool

    /// Creates a chunker that asks `isComplete` (by default the interpreter's check) where
    /// statements end.
    public init(isComplete: @escaping @Sendable (String) -> Bool = LanguageCompleteness.check) {
        self.isComplete = isComplete
    }

    /// The statements of `source`, in order. An incomplete tail becomes the last chunk, so the
    /// interpreter reports what is missing.
    public func chunks(of source: String) -> [Chunk] {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var chunks: [Chunk] = []
        var pending: [String] = []
        var start = 1
        for (index, line) in lines.enumerated() {
            if pending.isEmpty {
                if Self.isBlankOrComment(line) { continue }
                start = index + 1
            }
            pending.append(line)
            let text = pending.joined(separator: "\n")
            if isComplete(text), !Self.continuesStatement(lines[(index + 1)...]) {
                chunks.append(Chunk(text: text, line: start))
                pending.removeAll()
            }
        }
        if !pending.isEmpty {
            chunks.append(Chunk(text: pending.joined(separator: "\n"), line: start))
        }
        return chunks
    }

    /// Whether a line is blank or holds only a comment.
    static func isBlankOrComment(_ line: String) -> Bool {
        let trimmed = line.drop(while: \.isWhitespace)
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    /// Whether the next line that is not blank or a comment starts with `|` or the keyword `else`.
    static func continuesStatement(_ rest: ArraySlice<String>) -> Bool {
        guard let next = rest.first(where: { !isBlankOrComment($0) }) else { return false }
        let trimmed = next.drop(while: \.isWhitespace)
        if trimmed.hasPrefix("|") { return true }
        guard trimmed.hasPrefix("else") else { return false }
        let after = trimmed.dropFirst(4).first
        return after.map { !($0.isLetter || $0.isNumber || $0 == "_") } ?? true
    }
}
