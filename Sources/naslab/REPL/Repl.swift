import Foundation
import NASCore
import NASEngine
import NASLanguage
import NASNotebook

/// The notebook-style REPL: numbered cells, `_`/`_n`, dot-commands, Ctrl-C that stops a cell.
///
/// Progress is drawn only while a cell runs; background runs are reported between cells, on a
/// line of their own before the next prompt, so nothing overwrites the line being edited.
final class Repl {
    let session: Session
    let interpreter: Interpreter
    let sink: CellOutput
    let prompt: Prompt
    private let color: Bool
    let editor: LineEditor
    let progress: ProgressBar?
    let runs: BackgroundRuns
    private var notebook = Notebook()
    private var timing = false
    /// The guided tutorial, once `.tutorial` opened it.
    var tutorial: Tutorial?
    /// Whether the tutorial checks each cell (from `.tutorial` until `.tutorial off`).
    var tutorialActive = false
    /// Whether to open the tutorial before the first prompt (`naslab tutorial`).
    var startsTutorial = false

    /// Creates a REPL over `session`, colouring output when `color` is set.
    init(session: Session, color: Bool) {
        let sink = CellOutput()
        let interpreter = Interpreter(session: session) { sink.write($0) }
        interpreter.color = color
        interpreter.width = Terminal.width()
        let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let completer = LineCompleter(directory: directory) { interpreter.completions(for: $0, cursor: $1) }
        self.session = session
        self.interpreter = interpreter
        self.sink = sink
        self.color = color
        self.prompt = Prompt(style: Style(enabled: color))
        self.editor = LineEditor(historyPath: LineEditor.defaultHistoryPath()) { line, cursor in
            let completion = completer.complete(line: line, cursor: cursor)
            return (completion.start, completion.candidates)
        }
        self.progress = Terminal.isTerminal(STDERR_FILENO) ? ProgressBar(columns: Terminal.width(of: STDERR_FILENO)) : nil
        self.runs = BackgroundRuns(session: session)
        sink.progress = progress
        if let progress { session.onProgress = { progress.show($0) } }
    }

    /// Reads and runs cells until Ctrl-D or `.quit` (and, with runs working, the user's answer
    /// to what becomes of them); returns the exit status.
    func run() -> ExitStatus {
        Terminal.writeOut(banner)
        if startsTutorial { performTutorial(.show) }
        while true {
            guard let input = readCell() else {
                Terminal.writeOut("\n")
                if mayLeave() { break } else { continue }
            }
            if DotCommand.isCommandLine(input) {
                if !perform(input), mayLeave() { break }
                editor.remember(input)
            } else if !input.allSatisfy(\.isWhitespace) {
                editor.remember(input)
                runCell(input)
            }
        }
        return .ok
    }

    private var banner: String {
        "naslab \(NaslabVersion.number): `help` for the language, `.help` for session commands, Ctrl-D to leave.\n"
    }

    /// Reads one cell: lines until the input is complete; nil at Ctrl-D.
    private func readCell() -> String? {
        var lines: [String] = []
        reportBackgroundRuns()
        while true {
            let n = notebook.nextNumber
            let text = lines.isEmpty ? Prompt.inputText(n) : Prompt.continuationText(n)
            switch editor.read(prompt: prompt.forEditor(text)) {
            case .endOfInput:
                return nil
            case .interrupted:
                Terminal.writeOut("\n")
                lines.removeAll()
            case .line(let line):
                lines.append(line)
                let cell = lines.joined(separator: "\n")
                if Self.isFinished(cell, lines: lines) { return cell }
            }
        }
    }

    /// Whether a cell is ready to run: complete, a dot-command, or ended by two empty lines.
    /// Comment lines wait for the code they describe, so they become that cell's prose.
    private static func isFinished(_ cell: String, lines: [String]) -> Bool {
        if lines.count == 1, DotCommand.isCommandLine(cell) || cell.allSatisfy(\.isWhitespace) { return true }
        if lines.count >= 3, lines.suffix(2).allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { return true }
        if lines.allSatisfy(ProseSplitter.isComment) { return false }
        return Interpreter.isComplete(cell)
    }

    /// Writes a status line for each background run that changed since the last prompt.
    private func reportBackgroundRuns() {
        for line in runs.changes() {
            Terminal.writeError(prompt.style.dim(line) + "\n")
        }
    }

    /// Runs one cell, shows its output as `Out[n]`, and records it in the notebook.
    private func runCell(_ input: String) {
        let n = notebook.nextNumber
        session.interrupt.reset()
        _ = sink.takeCaptured()
        _ = InterruptSignal.take()
        sink.holding = Self.isHelpOnly(input)
        progress?.begin()
        let started = ContinuousClock.now
        let result = interpreter.execute(input, file: "In[\(n)]", mode: .cell)
        let elapsed = ContinuousClock.now - started
        endForegroundWork(interrupted: result.outcome == .interrupted)
        let printed = sink.takeCaptured()
        if sink.holding {
            sink.holding = false
            Pager.show(printed)
        }
        var outputs: [NotebookOutput] = printed.isEmpty ? [] : [.stream(printed)]
        if let value = result.value, result.outcome == .ok, !Self.isNone(value) {
            Terminal.writeOut(prompt.output(n, value: value.render(width: Terminal.width(), color: color)))
            let shown = DisplayedValue(value, width: 100)
            outputs.append(.value(shown))
            runs.noteShown(shown.text)
            interpreter.setVariable("_", value)
            interpreter.setVariable("_\(n)", value)
        }
        showDiagnostics(result)
        if timing { Terminal.writeOut(prompt.style.dim("Time: \(Self.describe(elapsed))") + "\n") }
        if !result.diagnostics.isEmpty { outputs.append(.error(result.renderDiagnostics(color: false))) }
        notebook.record(input: input, outputs: outputs, status: CellStatus(result.outcome))
        if tutorialActive, result.outcome != .interrupted { checkTutorialStep(after: input) }
    }

    /// Erases the progress bar and, after Ctrl-C, ends the line the terminal echoed `^C` on, so
    /// that what follows starts a line of its own.
    func endForegroundWork(interrupted: Bool) {
        let pressed = InterruptSignal.take()
        let barWasShowing = progress?.end() ?? false
        if pressed || interrupted, !barWasShowing { Terminal.writeError("\n") }
    }

    /// Whether a cell only asks for help (`help`, `help NAME`, `?NAME`), whose page may be paged.
    private static func isHelpOnly(_ input: String) -> Bool {
        let (statements, diagnostics) = Parser.parse(input)
        return diagnostics.isEmpty && !statements.isEmpty && statements.allSatisfy {
            if case .help = $0.kind { return true }
            return false
        }
    }

    private func showDiagnostics(_ result: ExecutionResult) {
        if !result.diagnostics.isEmpty {
            Terminal.writeError(Terminal.withNewline(result.renderDiagnostics(color: color)))
        } else if result.outcome == .interrupted {
            Terminal.writeError("Interrupted.\n")
        }
    }

    /// Runs a dot-command; returns false when the REPL should end.
    private func perform(_ line: String) -> Bool {
        switch DotCommand.parse(line) {
        case .failure(let error):
            Terminal.writeError("error: \(error)\n")
        case .success(.quit):
            return false
        case .success(.help):
            Terminal.writeOut(DotCommand.helpText)
        case .success(.vars):
            Terminal.writeOut(Terminal.withNewline(interpreter.describeVariables()))
        case .success(.timer(let setting)):
            timing = setting ?? timing
            Terminal.writeOut("Timing is \(timing ? "on" : "off").\n")
        case .success(.reset):
            interpreter.reset()
            notebook.reset()
            Terminal.writeOut("Session reset: no variables, numbering starts again at 1.\n")
        case .success(.load(let path)):
            load(path)
        case .success(.save(let path, let overwrite)):
            save(path, overwrite: overwrite)
        case .success(.tutorial(let request)):
            performTutorial(request)
        }
        return true
    }

    /// `.load FILE`: runs a script in this session as one cell.
    private func load(_ path: String) {
        guard let data = FileManager.default.contents(atPath: path),
              let source = String(data: data, encoding: .utf8) else {
            Terminal.writeError("error: cannot read '\(path)'\n")
            return
        }
        let n = notebook.nextNumber
        session.interrupt.reset()
        _ = sink.takeCaptured()
        _ = InterruptSignal.take()
        progress?.begin()
        let result = interpreter.execute(source, file: path, mode: .script)
        endForegroundWork(interrupted: result.outcome == .interrupted)
        showDiagnostics(result)
        notebook.record(input: source, printed: sink.takeCaptured(),
                        diagnostics: result.diagnostics.isEmpty ? "" : result.renderDiagnostics(color: false),
                        status: CellStatus(result.outcome), ranAsScript: true)
        Terminal.writeOut("Loaded \(path) as cell \(n).\n")
    }

    /// `.save FILE`: writes the session as a script, a Markdown page, a Jupyter notebook or an
    /// HTML page; an existing file is only replaced by `.save! FILE`.
    private func save(_ path: String, overwrite: Bool) {
        guard let format = ExportFormat(fileName: path) else {
            Terminal.writeError("error: .save writes \(ExportFormat.extensionList) files, not '\(path)'\n")
            return
        }
        if !overwrite, FileManager.default.fileExists(atPath: path) {
            Terminal.writeError("error: '\(path)' already exists; `.save! \(path)` writes over it\n")
            return
        }
        do {
            try format.write(notebook, to: path)
            let count = format == .script ? notebook.successfulCells.count : notebook.cells.count
            Terminal.writeOut("Saved \(count) cell\(count == 1 ? "" : "s") to \(path).\n")
        } catch {
            Terminal.writeError("error: cannot write '\(path)': \(error.localizedDescription)\n")
        }
    }

    /// Whether a value is `none`, which a cell does not show (as IPython hides `None`).
    private static func isNone(_ value: Value) -> Bool {
        if case .none = value { return true }
        return false
    }

    private static func describe(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        return seconds < 1 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }
}
