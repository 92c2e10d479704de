import Foundation

/// What the interpreter prints during a REPL cell: shown as it comes and kept for the notebook,
/// or held back while `holding` is set (a help page, which may go to the pager).
final class CellOutput {
    private var captured = ""

    /// Whether printed text is held back instead of shown.
    var holding = false
    /// The progress bar to erase before text is shown, so the text does not run on from it.
    var progress: ProgressBar?

    /// Keeps `text` and writes it to stdout, unless it is held back.
    func write(_ text: String) {
        captured += text
        guard !holding else { return }
        progress?.erase()
        Terminal.writeOut(text)
    }

    /// Returns what was printed since the last call and starts a new capture.
    func takeCaptured() -> String {
        defer { captured = "" }
        return captured
    }
}
