/// A span of source text: byte offsets plus the line and column where it starts.
public struct SourceRange: Sendable, Hashable {
    /// Byte offset of the first character.
    public var start: Int
    /// Byte offset just past the last character.
    public var end: Int
    /// Line of the first character, from 1.
    public var line: Int
    /// Byte column of the first character in its line, from 1.
    public var column: Int

    /// Creates a range.
    public init(start: Int, end: Int, line: Int, column: Int) {
        self.start = start
        self.end = max(start, end)
        self.line = line
        self.column = column
    }

    /// The range from the start of `self` to the end of `other`.
    public func through(_ other: SourceRange) -> SourceRange {
        SourceRange(start: start, end: max(end, other.end), line: line, column: column)
    }

    /// An empty range at the start of the input.
    public static let zero = SourceRange(start: 0, end: 0, line: 1, column: 1)
}
