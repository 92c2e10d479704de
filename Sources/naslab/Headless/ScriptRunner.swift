import Foundation
import NASEngine
import NASLanguage
import NASNotebook

/// Runs `.nas` scripts without a terminal: no banner, no history, diagnostics on stderr.
///
/// A script runs in one go, unless `--echo` or `--keep-going` ask for it statement by
/// statement (split by the language's completeness check, with line numbers kept). With
/// `--notebook`, a `ScriptRecorder` follows the run statement by statement and the notebook is
/// written at the end, whether the scripts succeeded or not; stdout and stderr do not change.
struct ScriptRunner {
    private let session: Session
    private let interpreter: Interpreter
    private let echo: Bool
    private let keepGoing: Bool
    private let color: Bool
    /// Builds the notebook of the run when `--notebook` asks for one.
    private let recorder: ScriptRecorder?
    /// The progress line, drawn while the script works when stderr is a terminal (not in CI).
    private let progress: ProgressBar?

    /// Creates a runner over `session`; with `notebook` set, it records each statement's output for a notebook.
    init(session: Session, echo: Bool, keepGoing: Bool, color: Bool, notebook: Bool = false) {
        let recorder = notebook ? ScriptRecorder() : nil
        let progress = ProgressBar.isWanted(on: STDERR_FILENO, environment: ProcessInfo.processInfo.environment)
            ? ProgressBar(columns: Terminal.width(of: STDERR_FILENO)) : nil
        let sink = OutputSink(recorder: recorder, progress: progress)
        let interpreter = Interpreter(session: session) { sink.write($0) }
        interpreter.color = color
        if let recorder {
            let width = interpreter.width
            interpreter.onStatement = { recorder.statementStarted(line: $0.line) }
            interpreter.showValue = { sink.show($0, text: $0.render(width: width, color: color), width: width) }
        }
        self.session = session
        self.interpreter = interpreter
        self.recorder = recorder
        self.echo = echo
        self.keepGoing = keepGoing
        self.color = color
        self.progress = progress
        if let progress {
            progress.begin()
            session.onProgress = { progress.show($0) }
        }
    }

    /// Writes the notebook of what ran to `path` (its format from the extension) and says where
    /// on stderr; returns false, after saying why, when it cannot be written.
    func writeNotebook(to path: String) -> Bool {
        guard let recorder, let format = ExportFormat(fileName: path) else { return false }
        let notebook = recorder.notebook
        do {
            try format.write(notebook, to: path)
        } catch {
            Terminal.writeError("naslab: error: cannot write the notebook '\(path)': \(error.localizedDescription)\n")
            return false
        }
        let count = notebook.cells.count
        Terminal.writeError("naslab: wrote a notebook of \(count) cell\(count == 1 ? "" : "s") to \(path)\n")
        return true
    }

    /// Runs the files in order; stops at the first failure unless keeping going.
    func run(files: [String]) -> ExitStatus {
        var firstFailure = ExitStatus.ok
        for file in files {
            let status = run(file: file)
            if status == .ok { continue }
            if firstFailure == .ok { firstFailure = status }
            if !keepGoing || status == .interrupted { break }
        }
        return firstFailure
    }

    /// Runs the script read from stdin (a last line without a newline still runs).
    func runStandardInput() -> ExitStatus {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let source = String(data: data, encoding: .utf8) else {
            Terminal.writeError("naslab: error: <stdin>: the script is not UTF-8 text\n")
            return .scriptError
        }
        return run(source: source, file: "<stdin>")
    }

    private func run(file: String) -> ExitStatus {
        if file == "-" { return runStandardInput() }
        guard FileManager.default.fileExists(atPath: file) else {
            Terminal.writeError("naslab: error: \(file): no such file\n")
            return .inputMissing
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            Terminal.writeError("naslab: error: \(file): cannot be read\n")
            return .inputMissing
        }
        guard let source = String(data: data, encoding: .utf8) else {
            Terminal.writeError("naslab: error: \(file): the script is not UTF-8 text\n")
            return .scriptError
        }
        return run(source: source, file: file)
    }

    private func run(source: String, file: String) -> ExitStatus {
        recorder?.begin(source: source)
        guard echo || keepGoing else { return execute(source, file: file) }
        var firstFailure = ExitStatus.ok
        for chunk in SourceChunker(isComplete: { Interpreter.isComplete($0) }).chunks(of: source) {
            if echo { Terminal.writeOut(Self.echoText(chunk.text)) }
            let padding = String(repeating: "\n", count: chunk.line - 1)
            let status = execute(padding + chunk.text, file: file)
            if status == .ok { continue }
            if firstFailure == .ok { firstFailure = status }
            if !keepGoing || status == .interrupted { break }
        }
        return firstFailure
    }

    private func execute(_ source: String, file: String) -> ExitStatus {
        session.interrupt.reset()
        recorder?.executionStarts()
        let result = interpreter.execute(source, file: file, mode: .script)
        recorder?.finished(result)
        progress?.erase()
        if !result.diagnostics.isEmpty {
            Terminal.writeError(Terminal.withNewline(result.renderDiagnostics(color: color)))
        }
        return ExitStatus(result.outcome)
    }

    /// A statement as `--echo` shows it: each line after `> `.
    static func echoText(_ statement: String) -> String {
        statement.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "> " + $0 }
            .joined(separator: "\n") + "\n"
    }
}
