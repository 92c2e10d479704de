import ArgumentParser
import Foundation
import NASCore
import NASEngine
import NASLanguage
import NASNotebook

/// The command line: `naslab`, `naslab FILE`, `naslab run A.nas [B.nas …]`, `naslab < FILE` (and `naslab worker`,
/// dispatched on its first word in main.swift to `WorkerCommand`).
struct NaslabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "naslab",
        abstract: "A Neural Architecture Search workbench: a notebook REPL and headless .nas scripts.",
        discussion: """
        naslab              the REPL on a terminal, else the script on stdin
        naslab FILE…        run scripts headless, in one session
        naslab run FILE…    the same
        naslab run FILE --notebook out.html   …and write the run as a notebook (.html, .ipynb, .md)
        naslab < FILE       run the script read from stdin
        naslab tutorial     the REPL with the guided tutorial open (`.tutorial` inside the REPL)
        naslab worker --store URL|PATH [--concurrency N] [--run ID…] [--idle-exit S]
                            evaluate pending trials of the store's runs (naslab worker --help)

        Exit codes: 0 ok, 1 an assert failed, 64 bad usage, 65 an error in the script,
        66 a script or data file missing or unreadable, 70 naslab itself failed (workspace, store, internal).
        """,
        version: "naslab \(NaslabVersion.number)"
    )

    @ArgumentParser.Argument(help: ArgumentHelp("Scripts to run, optionally after the word `run`.", valueName: "file"))
    var inputs: [String] = []

    @Flag(help: "Print each statement before its output.")
    var echo = false

    @Flag(help: "Keep running after an error; exit with the first failure's code.")
    var keepGoing = false

    @Option(help: ArgumentHelp("The session's workspace folder (default: ./.naslab).", valueName: "dir"))
    var workspace: String?

    @Option(help: ArgumentHelp("The store: postgres://user@host/db, sqlite:path or a file (default: $NASLAB_STORE, else the workspace's SQLite file).",
                               valueName: "url"))
    var store: String?

    @Option(help: "Colour output: auto, always or never (auto honours NO_COLOR and TERM=dumb).")
    var color: ColorChoice = .auto

    @Option(help: ArgumentHelp("Also write the run as a notebook: .html, .ipynb or .md (comments become prose, statements cells with their outputs).",
                               valueName: "file"))
    var notebook: String?

    mutating func validate() throws {
        if inputs.first == "run", inputs.count == 1 {
            throw ValidationError("`naslab run` needs at least one script, as in `naslab run tour.nas`.")
        }
        if let notebook, ExportFormat(fileName: notebook) == nil {
            throw ValidationError("--notebook writes \(ExportFormat.extensionList) files, not '\(notebook)'.")
        }
    }

    func run() throws {
        Terminal.lineBufferOutput()
        let session = Session(workspace: workspaceURL)
        if let status = openChosenStore(session), status != .ok { throw ExitCode(status.rawValue) }
        InterruptSignal.install(cancelling: session.interrupt)
        let status = runMode(session: session)
        Terminal.flush()
        if status != .ok { throw ExitCode(status.rawValue) }
    }

    private var workspaceURL: URL {
        workspace.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? Session.defaultWorkspace()
    }

    /// Opens the store named by `--store` or `NASLAB_STORE` at once, so that a bad URL, an
    /// unreachable server or a refused password is one clear line before anything runs (nil
    /// when neither names a store).
    private func openChosenStore(_ session: Session) -> ExitStatus? {
        guard let text = store ?? ProcessInfo.processInfo.environment["NASLAB_STORE"], !text.isEmpty else { return nil }
        do {
            try session.useStore(url: text)
        } catch {
            Terminal.writeError("naslab: error: \(error)\n")
            return .usage
        }
        do {
            _ = try session.runs()
        } catch {
            Terminal.writeError("naslab: error: \(error)\n")
            return .internalError
        }
        return .ok
    }

    private var scriptFiles: [String] {
        inputs.first == "run" ? Array(inputs.dropFirst()) : inputs
    }

    /// Whether the command line is `naslab tutorial` (and no script of that name is meant).
    private var asksForTutorial: Bool {
        inputs == ["tutorial"] && !FileManager.default.fileExists(atPath: "tutorial")
    }

    private func runMode(session: Session) -> ExitStatus {
        let environment = ProcessInfo.processInfo.environment
        let useColor = color.isEnabled(onTerminal: Terminal.isTerminal(STDOUT_FILENO), environment: environment)
        if asksForTutorial {
            let repl = Repl(session: session, color: useColor)
            repl.startsTutorial = true
            return repl.run()
        }
        if scriptFiles.isEmpty, Terminal.isTerminal(STDIN_FILENO) {
            if notebook != nil {
                Terminal.writeError("naslab: error: --notebook records a script's run; in the REPL, `.save FILE` writes the session\n")
                return .usage
            }
            return Repl(session: session, color: useColor).run()
        }
        let runner = ScriptRunner(session: session, echo: echo, keepGoing: keepGoing,
                                  color: color.isEnabled(onTerminal: false, environment: environment),
                                  notebook: notebook != nil)
        let status = scriptFiles.isEmpty ? runner.runStandardInput() : runner.run(files: scriptFiles)
        return writeNotebook(of: runner, after: status)
    }

    /// Writes the `--notebook` file, whether the scripts succeeded or not; a notebook that
    /// cannot be written turns a successful run into a failure.
    private func writeNotebook(of runner: ScriptRunner, after status: ExitStatus) -> ExitStatus {
        guard let notebook else { return status }
        Terminal.flush()
        let written = runner.writeNotebook(to: notebook)
        return written || status != .ok ? status : .internalError
    }
}
