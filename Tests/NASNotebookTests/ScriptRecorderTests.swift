import Foundation
import NASCore
import NASEngine
import NASLanguage
import Testing
@testable import NASNotebook

@Suite struct ScriptRecorderTests {
    /// Runs `source` as a headless script does, recording it, and returns the notebook.
    func record(_ source: String) -> Notebook {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-rec-\(UUID())")
        defer { try? FileManager.default.removeItem(at: workspace) }
        let recorder = ScriptRecorder()
        let interpreter = Interpreter(session: Session(workspace: workspace)) { recorder.printed($0) }
        interpreter.onStatement = { recorder.statementStarted(line: $0.line) }
        interpreter.showValue = { recorder.shown($0, width: 100) }
        recorder.begin(source: source)
        recorder.executionStarts()
        recorder.finished(interpreter.execute(source, file: "s.nas", mode: .script))
        return recorder.notebook
    }

    static let script = """
    # # Title
    # Some prose.
    x = 1 + 2
    x
    print("hi")

    # A table, then a plot.
    t = table([{a: 1, b: "u"}, {a: 2, b: "v"}])
    t
    plot([1, 2, 4])
    y = nope + 1
    z = [1,
         2]
    # The end.
    """

    @Test("each top-level statement is a cell with the comments above it; outputs land in the cell that made them")
    func cellsFollowStatements() throws {
        let notebook = record(Self.script)
        #expect(notebook.cells.map(\.number) == Array(1...8))
        #expect(notebook.cells[0].input == "# # Title\n# Some prose.\nx = 1 + 2")
        #expect(notebook.cells[3].input == "\n# A table, then a plot.\nt = table([{a: 1, b: \"u\"}, {a: 2, b: \"v\"}])")
        #expect(notebook.cells[7].input == "z = [1,\n     2]\n# The end.")
        #expect(notebook.cells[0].outputs.isEmpty)
        #expect(notebook.cells[1].result == "3")
        #expect(notebook.cells[2].outputs == [.stream("hi\n")])
    }

    @Test("a table keeps its rows, a plot its SVG; the error stops the script and later cells are marked not run")
    func richValuesAndErrors() throws {
        let notebook = record(Self.script)
        guard case .value(let table)? = notebook.cells[4].outputs.first else { Issue.record("no table"); return }
        #expect(table.table?.columns == ["a", "b"])
        #expect(table.table?.rows.map { $0.map(\.description) } == [["1", "u"], ["2", "v"]])
        guard case .value(let plot)? = notebook.cells[5].outputs.first else { Issue.record("no plot"); return }
        #expect(plot.svg?.contains("<svg") == true)
        #expect(plot.text.unicodeScalars.contains { (0x2800...0x28FF).contains($0.value) })
        #expect(notebook.cells.map(\.status) == [.ok, .ok, .ok, .ok, .ok, .ok, .error, .notRun])
        #expect(notebook.cells[6].diagnostics.contains("s.nas:11:5: error"))
        #expect(notebook.cells[7].executionCount == nil)
    }

    @Test("a script that does not parse runs nothing: the error sits in the cell on its line")
    func syntaxErrorFindsItsCell() {
        let notebook = record("a = 1\nb = 2 +* 3\nc = 4\n")
        #expect(notebook.cells.map(\.status) == [.notRun, .error, .notRun])
        #expect(notebook.cells[1].diagnostics.contains("s.nas:2:"))
        #expect(notebook.cells[0].outputs.isEmpty && notebook.cells[2].outputs.isEmpty)
    }

    @Test("a table value is cut to 50 rows for the notebook, the rest counted")
    func longTablesAreCut() throws {
        let rows = (1...70).map { [NASCore.Cell.number(Quantity(Double($0)))] }
        let value = DisplayedValue(.table(TableValue(NASCore.Table(columns: ["n"], rows: rows))))
        #expect(value.table?.count == 50)
        #expect(value.tableRowCount == 70 && value.hiddenRowCount == 20)
        #expect(value.text.hasSuffix("… 50 more rows"))
    }
}
