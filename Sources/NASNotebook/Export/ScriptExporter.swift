import NASLanguage

/// Writes a session's successful inputs as a `.nas` script that replays it: run headless, the
/// script prints what the REPL showed.
///
/// A cell and a script differ in two ways, and the export rewrites both. The REPL's `_` and
/// `_n` are not names in a script, so a cell whose output a later cell reads binds it to `_n`
/// (`_1 = 20ms + 1s`, then `_1` on its own line to print it), and each `_` becomes the `_n` it
/// stood for. A script prints every top-level expression's value where a cell shows only its
/// last, so the cell's other expressions get a `;`. Cells loaded with `.load` ran as scripts and
/// are kept as they are, but for their `_`.
public struct ScriptExporter: Sendable {
    /// Creates an exporter.
    public init() {}

    /// The script: a header comment, then each successful cell's input in order.
    public func export(_ notebook: Notebook) -> String {
        let cells = notebook.successfulCells
        let references = OutputReferences(cells: cells)
        var text = "# Saved from a naslab session.\n"
        for cell in cells {
            text += "\n" + Self.replay(cell, references: references).trimmingTrailingNewlines() + "\n"
        }
        return text
    }

    /// One cell's input rewritten to run as part of a script.
    static func replay(_ cell: NotebookCell, references: OutputReferences) -> String {
        var edits = SourceEdits()
        for underscore in references.underscores[cell.number] ?? [] {
            edits.replace(underscore.range, with: OutputReferences.name(of: underscore.cell))
        }
        let (statements, diagnostics) = Parser.parse(cell.input)
        guard diagnostics.isEmpty, let last = statements.last else { return edits.applied(to: cell.input) }
        if !cell.ranAsScript {
            for statement in statements.dropLast() where Self.isShownExpression(statement) {
                edits.insert(";", at: statement.range.end)
            }
        }
        let binds = references.read.contains(cell.number) && isShownExpression(last)
        let name = OutputReferences.name(of: cell.number)
        if binds { edits.insert(name + " = ", at: last.range.start) }
        let text = edits.applied(to: cell.input)
        return binds ? text.trimmingTrailingNewlines() + "\n" + name : text
    }

    /// Whether a statement is an expression whose value a script would print.
    private static func isShownExpression(_ statement: Stmt) -> Bool {
        if case .expression = statement.kind { return !statement.suppressed }
        return false
    }
}

extension String {
    /// The string without trailing newlines.
    func trimmingTrailingNewlines() -> String {
        var text = Substring(self)
        while text.last == "\n" || text.last == "\r" { text = text.dropLast() }
        return String(text)
    }
}
