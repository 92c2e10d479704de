import Foundation
import NASEngine
@testable import NASLanguage

/// Runs source through a fresh interpreter and collects what it prints.
final class Harness {
    let session: Session
    let interpreter: Interpreter
    private let sink = OutputSink()

    init(stepLimit: Int? = 200_000) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-tests-\(UUID().uuidString)")
        session = Session(workspace: dir.appendingPathComponent(".naslab"))
        let sink = self.sink
        interpreter = Interpreter(session: session) { sink.text += $0 }
        interpreter.stepLimit = stepLimit
    }

    var output: String { sink.text }

    func clearOutput() { sink.text = "" }

    /// Runs a script and returns its output and result.
    @discardableResult
    func run(_ source: String, mode: ExecutionMode = .script, file: String = "test.nas") -> (output: String, result: ExecutionResult) {
        sink.text = ""
        let result = interpreter.execute(source, file: file, mode: mode)
        return (sink.text, result)
    }

    /// The value of a one-cell expression, rendered; or the first diagnostic's message.
    func value(_ source: String) -> String {
        let result = interpreter.execute(source, file: "cell", mode: .cell)
        if let d = result.diagnostics.first { return "error: " + d.message }
        return result.value?.render(width: 100, color: false) ?? "nil"
    }
}

final class OutputSink: @unchecked Sendable {
    var text = ""
}
