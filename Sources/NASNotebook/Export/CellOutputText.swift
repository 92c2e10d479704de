/// The text a cell showed below its input, in the order the REPL showed it.
struct CellOutputText {
    /// The cell whose output this is.
    let cell: NotebookCell

    /// Every output's plain text, in order; nil when the cell showed nothing.
    var combined: String? {
        CellOutputText.joined(cell.outputs)
    }

    /// The plain text of `outputs` joined line by line; nil when they show nothing.
    static func joined(_ outputs: [NotebookOutput]) -> String? {
        let parts = outputs.map { $0.plainText.trimmingTrailingNewlines() }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }
}
