/// A span of source text: byte offsets plus the line and column where it starts.
///
/// Stored in 32-bit fields (a script is far smaller than 2 GB), so that tokens and syntax
/// nodes stay small; read and written as `Int`.
public struct SourceRange: Sendable, Hashable {
    private var startOffset: Int32
    private var endOffset: Int32
    private var startLine: Int32
    private var startColumn: Int32

    /// Byte offset of the first character.
    public var start: Int {
        get { Int(startOffset) }
        set { startOffset = Self.clamp(newValue) }
    }
    /// Byte offset just past the last character.
    public var end: Int {
        get { Int(endOffset) }
        set { endOffset = Self.clamp(newValue) }
    }
    /// Line of the first character, from 1.
    public var line: Int {
        get { Int(startLine) }
        set { startLine = Self.clamp(newValue) }
    }
    /// Byte column of the first character in its line, from 1.
    public var column: Int {
        get { Int(startColumn) }
        set { startColumn = Self.clamp(newValue) }
    }

    /// Creates a range.
    public init(start: Int, end: Int, line: Int, column: Int) {
        startOffset = Self.clamp(start)
        endOffset = Self.clamp(max(start, end))
        startLine = Self.clamp(line)
        startColumn = Self.clamp(column)
    }

    /// The range from the start of `self` to the end of `other`.
    public func through(_ other: SourceRange) -> SourceRange {
        SourceRange(start: start, end: max(end, other.end), line: line, column: column)
    }

    /// An empty range at the start of the input.
    public static let zero = SourceRange(start: 0, end: 0, line: 1, column: 1)

    private static func clamp(_ value: Int) -> Int32 { Int32(clamping: value) }
}
