/// One executed cell of a session: what was typed and what came out.
public struct NotebookCell: Sendable, Equatable, Codable {
    /// The cell's number, shown as `In [n]:` and `Out[n]:`.
    public var number: Int
    /// The source text as typed (several lines for multi-line input).
    public var input: String
    /// What the cell printed while it ran (`print`, help pages), in order.
    public var printed: String
    /// The cell's value as plain text, shown as `Out[n]:`; nil when the cell had no value or ended in `;`.
    public var result: String?
    /// The diagnostics the cell produced, as plain text (no colour).
    public var diagnostics: String
    /// How the cell ended.
    public var status: CellStatus
    /// Whether the input ran as a script (`.load FILE`), printing every top-level value, rather
    /// than as a cell, which shows only its last.
    public var ranAsScript: Bool

    /// Creates a cell.
    public init(number: Int, input: String, printed: String = "", result: String? = nil,
                diagnostics: String = "", status: CellStatus = .ok, ranAsScript: Bool = false) {
        self.number = number
        self.input = input
        self.printed = printed
        self.result = result
        self.diagnostics = diagnostics
        self.status = status
        self.ranAsScript = ranAsScript
    }

    /// Whether the cell ran to the end without an error, a failed assertion or an interrupt.
    public var succeeded: Bool { status == .ok }
}

/// How a cell ended, as far as the notebook cares.
public enum CellStatus: String, Sendable, Equatable, Codable {
    /// It ran to the end.
    case ok
    /// An `assert` failed.
    case assertionFailed
    /// A syntax, type or runtime error stopped it.
    case error
    /// Ctrl-C stopped it.
    case interrupted
}
