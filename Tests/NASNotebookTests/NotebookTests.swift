import Foundation
import Testing
@testable import NASNotebook

@Suite struct NotebookTests {
    @Test func numbersCellsFromOneAndRestartsAfterReset() {
        var notebook = Notebook()
        notebook.record(input: "x = 1")
        notebook.record(input: "x + 1", result: "2")
        #expect(notebook.cells.map(\.number) == [1, 2])
        #expect(notebook.cell(number: 2)?.result == "2")
        #expect(notebook.nextNumber == 3)
        notebook.reset()
        #expect(notebook.cells.isEmpty)
        #expect(notebook.record(input: "y").number == 1)
    }

    @Test func scriptKeepsOnlySuccessfulInputsInOrder() {
        var notebook = Notebook()
        notebook.record(input: "a = 1")
        notebook.record(input: "b = nope", diagnostics: "error: unknown name", status: .error)
        notebook.record(input: "assert a == 2", status: .assertionFailed)
        notebook.record(input: "c = [1,\n  2]\n")
        let script = ScriptExporter().export(notebook)
        let code = script.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(code == ["a = 1", "c = [1,", "  2]"])
    }

    @Test func formatIsChosenByExtension() {
        #expect(ExportFormat(fileName: "s.nas") == .script)
        #expect(ExportFormat(fileName: "Notes.MD") == .markdown)
        #expect(ExportFormat(fileName: "n.ipynb") == .ipynb)
        #expect(ExportFormat(fileName: "n.txt") == nil)
    }
}
