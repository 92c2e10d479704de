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
}
