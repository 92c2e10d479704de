/// Candidates to replace the end of a line being edited.
public struct Completion: Sendable, Equatable {
    /// The character offset where the replaced text starts.
    public var start: Int
    /// Texts that replace the line from `start` to the cursor.
    public var candidates: [String]

    /// Creates a completion.
    public init(start: Int, candidates: [String]) {
        self.start = start
        self.candidates = candidates
    }

    /// The candidates rewritten to replace `before` (the line up to the cursor) from `wordStart`
    /// instead of from `start`, as a line editor that cuts words its own way needs them.
    /// Candidates that do not fit the text between the two starts are dropped.
    public func candidates(fromWordStart wordStart: Int, before: String) -> [String] {
        let characters = Array(before)
        guard start <= characters.count, wordStart <= characters.count else { return [] }
        if start <= wordStart {
            let skipped = String(characters[start..<wordStart])
            return candidates.filter { $0.hasPrefix(skipped) }.map { String($0.dropFirst(skipped.count)) }
        }
        let missing = String(characters[wordStart..<start])
        return candidates.map { missing + $0 }
    }
}
