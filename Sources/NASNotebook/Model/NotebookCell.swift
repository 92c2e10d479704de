/// One cell of a session or a script: what was typed and what came out.
public struct NotebookCell: Sendable, Equatable, Codable {
    /// The cell's number, shown as `In [n]:` and `Out[n]:`.
    public var number: Int
    /// The source text as typed (several lines for multi-line input).
    public var input: String
    /// What the cell showed, in order: printed text, values, errors.
    public var outputs: [NotebookOutput]
    /// How the cell ended.
    public var status: CellStatus
    /// Whether the input ran as a script (`.load FILE`), printing every top-level value, rather
    /// than as a cell, which shows only its last.
    public var ranAsScript: Bool

    /// Creates a cell from its outputs.
    public init(number: Int, input: String, outputs: [NotebookOutput], status: CellStatus = .ok,
                ranAsScript: Bool = false) {
        self.number = number
        self.input = input
        self.outputs = outputs
        self.status = status
        self.ranAsScript = ranAsScript
    }

    /// Creates a cell from plain text: what it printed, then its value, then its diagnostics.
    public init(number: Int, input: String, printed: String = "", result: String? = nil,
                diagnostics: String = "", status: CellStatus = .ok, ranAsScript: Bool = false) {
        var outputs: [NotebookOutput] = []
        if !printed.isEmpty { outputs.append(.stream(printed)) }
        if let result { outputs.append(.value(DisplayedValue(text: result))) }
        if !diagnostics.isEmpty { outputs.append(.error(diagnostics)) }
        self.init(number: number, input: input, outputs: outputs, status: status, ranAsScript: ranAsScript)
    }

    /// What the cell printed while it ran, in order.
    public var printed: String {
        outputs.map { if case .stream(let text) = $0 { return text } else { return "" } }.joined()
    }

    /// The text of the cell's last value, shown as `Out[n]:`; nil when the cell showed no value.
    public var result: String? {
        for output in outputs.reversed() { if case .value(let value) = output { return value.text } }
        return nil
    }

    /// The cell's diagnostics as plain text (no colour).
    public var diagnostics: String {
        outputs.map { if case .error(let text) = $0 { return text } else { return "" } }.joined()
    }

    /// Whether the cell ran to the end without an error, a failed assertion or an interrupt.
    public var succeeded: Bool { status == .ok }

    /// The number shown in `In [n]:` and Jupyter's execution count; nil for a cell that never ran.
    public var executionCount: Int? { status == .notRun ? nil : number }
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
    /// It never ran: an earlier statement of its script failed, or the script did not parse.
    case notRun
}
