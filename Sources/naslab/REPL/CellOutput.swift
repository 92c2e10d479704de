import Foundation

/// What the interpreter prints during a REPL cell: shown as it comes and kept for the notebook,
/// or held back while `holding` is set (a help page, which may go to the pager).
final class CellOutput {
    private var captured = ""

    /// Whether printed text is held back instead of shown.
    var holding = false

    /// Keeps `text` and writes it to stdout, unless it is held back.
    func write(_ text: String) {
        captured += text
        if !holding { Terminal.writeOut(text) }
    }

    /// Returns what was printed since the last call and starts a new capture.
    func takeCaptured() -> String {
        defer { captured = "" }
        return captured
    }
}
