import Testing
@testable import NASNotebook

/// A saved `.nas` script replays the session: `_` and `_n` become names, and only what a cell
/// showed is printed.
@Suite struct ScriptExporterTests {
    func code(_ notebook: Notebook) -> String {
        ScriptExporter().export(notebook).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }.joined(separator: "\n")
    }

    @Test func lastOutputAndNumberedOutputsBecomeNames() {
        var notebook = Notebook()
        notebook.record(input: "20ms + 1s", result: "1.02s")
        notebook.record(input: "_ * 2", result: "2.04s")
        notebook.record(input: "_ + _2", result: "4.08s")
        #expect(code(notebook) == "_1 = 20ms + 1s\n_1\n_2 = _1 * 2\n_2\n_2 + _2")
    }

    @Test func underscoreSkipsCellsThatShowedNothingAndCellsThatFailed() {
        var notebook = Notebook()
        notebook.record(input: "x = 5\nx + 1", result: "6")
        notebook.record(input: "y = 2")
        notebook.record(input: "_ + nope", diagnostics: "error: unknown name 'nope'", status: .error)
        notebook.record(input: "print(_)", printed: "6\n")
        #expect(code(notebook) == "x = 5\n_1 = x + 1\n_1\ny = 2\nprint(_1)")
    }

    @Test func onlyTheLastExpressionOfACellPrints() {
        var notebook = Notebook()
        notebook.record(input: "1 + 1\n2 + 2  # four\n3 + 3;\n4 + 4", result: "8")
        #expect(code(notebook) == "1 + 1;\n2 + 2;  # four\n3 + 3;\n4 + 4")
    }

    @Test func loadedScriptsKeepTheirOutputsButNotTheirUnderscores() {
        var notebook = Notebook()
        notebook.record(input: "7", result: "7")
        notebook.record(input: "1 + 1\n_ * 3\n", printed: "2\n21\n", ranAsScript: true)
        #expect(code(notebook) == "_1 = 7\n_1\n1 + 1\n_1 * 3")
    }

    @Test func anUnderscoreInAStringOrACommentIsLeftAlone() {
        var notebook = Notebook()
        notebook.record(input: "3", result: "3")
        notebook.record(input: "\"_\"  # _ is not read here", result: "\"_\"")
        #expect(code(notebook) == "3\n\"_\"  # _ is not read here")
    }
}
