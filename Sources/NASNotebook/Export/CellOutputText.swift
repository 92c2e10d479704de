/// The text a cell showed below its input, in the order the REPL showed it.
struct CellOutputText {
    /// The cell whose output this is.
    let cell: NotebookCell

    /// What the cell printed, then its value, then its diagnostics; nil when it showed nothing.
    var combined: String? {
        let parts = [cell.printed, cell.result ?? "", cell.diagnostics]
            .map { $0.trimmingTrailingNewlines() }
            .filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }
}
