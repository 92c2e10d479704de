import Foundation

/// Where the interpreter's printed text goes: stdout, and a copy for the notebook's cell.
final class OutputSink {
    /// The text printed since the last `takeCaptured()`.
    private var captured = ""

    /// Writes interpreter output to stdout and keeps a copy.
    func write(_ text: String) {
        captured += text
        Terminal.writeOut(text)
    }

    /// Returns what was printed since the last call and starts a new capture.
    func takeCaptured() -> String {
        defer { captured = "" }
        return captured
    }
}
