/// Splits a cell's source into prose (runs of whole-line comments) and code.
///
/// Comments become prose in exported notebooks. A comment run only ends a code segment when
/// the code before it is a complete statement and the code after it does not continue it with
/// a leading `|`, so a comment inside a multi-line expression stays in the code.
public struct ProseSplitter: Sendable {
    /// Decides whether a piece of code is a complete statement (the language's own check).
    public let isComplete: @Sendable (String) -> Bool

    /// Creates a splitter that uses `isComplete` (by default the interpreter's check) to keep
    /// multi-line statements whole.
    public init(isComplete: @escaping @Sendable (String) -> Bool = LanguageCompleteness.check) {
        self.isComplete = isComplete
    }

    /// The segments of `source`, in order; blank-only segments are dropped.
    public func segments(of source: String) -> [CellSegment] {
        var segments: [CellSegment] = []
        var code: [String] = []
        var prose: [String] = []
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            if Self.isComment(line), canEndCode(code, before: lines[(index + 1)...]) {
                flush(code: &code, into: &segments)
                prose.append(Self.proseText(of: line))
            } else if line.allSatisfy(\.isWhitespace), code.isEmpty {
                prose.append("")
            } else {
                flush(prose: &prose, into: &segments)
                code.append(line)
            }
        }
        flush(code: &code, into: &segments)
        flush(prose: &prose, into: &segments)
        return segments
    }

    /// Whether a line holds only a comment.
    public static func isComment(_ line: String) -> Bool {
        line.drop(while: \.isWhitespace).hasPrefix("#")
    }

    /// A comment line as prose: the `#` and one following space removed.
    public static func proseText(of line: String) -> String {
        var text = line.drop(while: \.isWhitespace).dropFirst()
        if text.first == " " { text = text.dropFirst() }
        return String(text)
    }

    private func canEndCode(_ code: [String], before rest: ArraySlice<String>) -> Bool {
        let body = code.joined(separator: "\n")
        if body.allSatisfy(\.isWhitespace) { return true }
        guard isComplete(body) else { return false }
        let nextCode = rest.first { !Self.isComment($0) && !$0.allSatisfy(\.isWhitespace) }
        return !(nextCode?.drop(while: \.isWhitespace).hasPrefix("|") ?? false)
    }

    private func flush(code: inout [String], into segments: inout [CellSegment]) {
        let text = Self.trimBlankLines(code).joined(separator: "\n")
        if !text.isEmpty { segments.append(.code(text)) }
        code.removeAll()
    }

    private func flush(prose: inout [String], into segments: inout [CellSegment]) {
        let text = Self.trimBlankLines(prose).joined(separator: "\n")
        if !text.isEmpty { segments.append(.prose(text)) }
        prose.removeAll()
    }

    private static func trimBlankLines(_ lines: [String]) -> [String] {
        let blank: (String) -> Bool = { $0.allSatisfy(\.isWhitespace) }
        guard let first = lines.firstIndex(where: { !blank($0) }),
              let last = lines.lastIndex(where: { !blank($0) }) else { return [] }
        return Array(lines[first...last])
    }
}
