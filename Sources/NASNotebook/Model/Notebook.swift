/// The In/Out history of a session: numbered cells, in the order they ran.
///
/// The REPL records every cell here, and so does a headless script run with `--notebook`;
/// exporters turn the history into a script, Markdown, HTML or a Jupyter notebook.
public struct Notebook: Sendable, Equatable {
    /// The cells, oldest first.
    public private(set) var cells: [NotebookCell] = []
    /// The number the next cell gets.
    public private(set) var nextNumber = 1

    /// Creates an empty notebook whose first cell is `In [1]`.
    public init() {}

    /// Records a finished cell, given as plain text, under the next number and returns that cell.
    @discardableResult
    public mutating func record(input: String, printed: String = "", result: String? = nil,
                                diagnostics: String = "", status: CellStatus = .ok,
                                ranAsScript: Bool = false) -> NotebookCell {
        append(NotebookCell(number: nextNumber, input: input, printed: printed, result: result,
                            diagnostics: diagnostics, status: status, ranAsScript: ranAsScript))
    }

    /// Records a finished cell with its outputs under the next number and returns that cell.
    @discardableResult
    public mutating func record(input: String, outputs: [NotebookOutput], status: CellStatus = .ok,
                                ranAsScript: Bool = false) -> NotebookCell {
        append(NotebookCell(number: nextNumber, input: input, outputs: outputs, status: status, ranAsScript: ranAsScript))
    }

    private mutating func append(_ cell: NotebookCell) -> NotebookCell {
        cells.append(cell)
        nextNumber += 1
        return cell
    }

    /// The cell with number `n`, or nil.
    public func cell(number n: Int) -> NotebookCell? {
        cells.first { $0.number == n }
    }

    /// The cells that ran without an error, in order: what a replayable script needs.
    public var successfulCells: [NotebookCell] {
        cells.filter(\.succeeded)
    }

    /// Forgets every cell and starts numbering at 1 again.
    public mutating func reset() {
        cells.removeAll()
        nextNumber = 1
    }
}
