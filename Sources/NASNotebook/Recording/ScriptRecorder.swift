import NASLanguage

/// Builds a notebook from headless scripts as they run: each top-level statement (split where
/// the REPL would split it, by the interpreter's completeness check) becomes a cell, with the
/// comments above it as its prose, and collects what that statement printed, showed and failed with.
///
/// The runner adds each script before running it and forwards the interpreter's events: a
/// statement starts (`statementStarted(line:)`), text is printed, a value is shown, the run
/// ends. Cells no statement reached (after an error, or in a script that did not parse) are
/// kept, marked as not run, so the notebook shows the whole script.
public final class ScriptRecorder {
    private struct PendingCell {
        var input: String
        var lines: ClosedRange<Int>
        var outputs: [NotebookOutput] = []
        var status = CellStatus.notRun
    }

    private let chunker: SourceChunker
    private var cells: [PendingCell] = []
    /// The index of the current script's first cell.
    private var scriptStart = 0
    /// The cell whose statement runs now, if one started in the current script.
    private var current: Int?

    /// Creates a recorder that splits scripts with `chunker` (by default the interpreter's completeness check).
    public init(chunker: SourceChunker = SourceChunker()) {
        self.chunker = chunker
    }

    /// Adds the cells of a script about to run; the events that follow belong to it.
    public func begin(source: String) {
        scriptStart = cells.count
        current = nil
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var nextLine = 1
        for chunk in chunker.chunks(of: source) {
            let last = chunk.line + chunk.text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            let input = lines[(nextLine - 1)..<min(last, lines.count)].joined(separator: "\n")
            cells.append(PendingCell(input: input, lines: chunk.line...last))
            nextLine = last + 1
        }
        let rest = nextLine <= lines.count ? lines[(nextLine - 1)...].joined(separator: "\n") : ""
        guard !rest.allSatisfy(\.isWhitespace) else { return }
        if cells.count > scriptStart {
            cells[cells.count - 1].input += "\n" + rest
        } else {
            cells.append(PendingCell(input: rest, lines: nextLine...max(nextLine, lines.count)))
        }
    }

    /// The interpreter starts one execution (a whole script, or one statement with `--keep-going`):
    /// no statement of it runs yet.
    public func executionStarts() {
        current = nil
    }

    /// A top-level statement starting on `line` of the current script begins to run.
    public func statementStarted(line: Int) {
        guard let index = cellIndex(line: line) else { return }
        current = index
        if cells[index].status == .notRun { cells[index].status = .ok }
    }

    /// Text the script printed.
    public func printed(_ text: String) {
        guard !text.isEmpty, let index = current ?? lastCellOfScript else { return }
        if case .stream(let previous)? = cells[index].outputs.last {
            cells[index].outputs[cells[index].outputs.count - 1] = .stream(previous + text)
        } else {
            cells[index].outputs.append(.stream(text))
        }
    }

    /// A value the script showed (autoprinted), as shown at `width` columns.
    public func shown(_ value: Value, width: Int) {
        guard let index = current ?? lastCellOfScript else { return }
        cells[index].outputs.append(.value(DisplayedValue(value, width: width)))
    }

    /// The current script's run ended with `result`: its diagnostics go to the cell that was
    /// running, or, when nothing ran (a syntax error), to the cells on the diagnostics' lines.
    public func finished(_ result: ExecutionResult) {
        guard result.outcome != .ok else { return }
        if let current {
            cells[current].status = CellStatus(result.outcome)
            cells[current].outputs.append(.error(Self.errorText(result.diagnostics, outcome: result.outcome)))
            return
        }
        for diagnostic in result.diagnostics {
            guard let index = diagnostic.range.flatMap({ cellIndex(line: $0.line) }) ?? lastCellOfScript else { continue }
            cells[index].status = CellStatus(result.outcome)
            cells[index].outputs.append(.error(DiagnosticRenderer.render([diagnostic], color: false)))
        }
    }

    /// The notebook of every script added so far, cells numbered from 1 in order.
    public var notebook: Notebook {
        var notebook = Notebook()
        for cell in cells {
            notebook.record(input: cell.input, outputs: cell.outputs, status: cell.status)
        }
        return notebook
    }

    private var lastCellOfScript: Int? {
        cells.count > scriptStart ? cells.count - 1 : nil
    }

    /// The current script's cell that holds `line` (the last one for lines past its end).
    private func cellIndex(line: Int) -> Int? {
        guard cells.count > scriptStart else { return nil }
        return cells[scriptStart...].firstIndex { $0.lines.contains(line) }
            ?? cells[scriptStart...].lastIndex { $0.lines.lowerBound <= line }
            ?? scriptStart
    }

    private static func errorText(_ diagnostics: [Diagnostic], outcome: Outcome) -> String {
        if diagnostics.isEmpty { return outcome == .interrupted ? "Interrupted." : "error" }
        return DiagnosticRenderer.render(diagnostics, color: false)
    }
}
