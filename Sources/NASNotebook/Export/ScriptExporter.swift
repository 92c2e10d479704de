/// Writes a session's successful inputs as a `.nas` script that replays it.
public struct ScriptExporter: Sendable {
    /// Creates an exporter.
    public init() {}

    /// The script: a header comment, then each successful cell's input in order.
    public func export(_ notebook: Notebook) -> String {
        var text = "# Saved from a naslab session.\n"
        for cell in notebook.successfulCells {
            text += "\n" + cell.input.trimmingTrailingNewlines() + "\n"
        }
        return text
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
