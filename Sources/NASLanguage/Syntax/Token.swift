import NASCore

/// One token: its kind, where it is, its text and, for numbers, its value with unit.
public struct Token: Sendable, Hashable {
    /// What kind of token it is.
    public var kind: TokenKind
    /// Where it is in the source.
    public var range: SourceRange
    /// The name for identifiers and keywords, the decoded contents for strings, the spelling for numbers.
    public var text: String
    /// The value of a number literal, in base units.
    public var number: Quantity?
    /// Whether a line break comes before this token (used for `|` continuation lines).
    public var startsLine: Bool = false

    /// Creates a token.
    public init(kind: TokenKind, range: SourceRange, text: String, number: Quantity? = nil, startsLine: Bool = false) {
        self.kind = kind
        self.range = range
        self.text = text
        self.number = number
        self.startsLine = startsLine
    }
}
