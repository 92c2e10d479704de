import ArgumentParser
import Foundation
import NASCore
import NASEngine
import NASLanguage

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
        naslab < FILE       run the script read from stdin
        naslab worker --store PATH [--concurrency N] [--run ID…] [--idle-exit S]
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

    @Option(help: "Colour output: auto, always or never (auto honours NO_COLOR and TERM=dumb).")
    var color: ColorChoice = .auto

    mutating func validate() throws {
        if inputs.first == "run", inputs.count == 1 {
            throw ValidationError("`naslab run` needs at least one script, as in `naslab run tour.nas`.")
        }
    }

    func run() throws {
        Terminal.lineBufferOutput()
        let session = Session(workspace: workspaceURL)
        InterruptSignal.install(cancelling: session.interrupt)
        let status = runMode(session: session)
        Terminal.flush()
        if status != .ok { throw ExitCode(status.rawValue) }
    }

    private var workspaceURL: URL {
        workspace.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? Session.defaultWorkspace()
    }

    private var scriptFiles: [String] {
        inputs.first == "run" ? Array(inputs.dropFirst()) : inputs
    }

    private func runMode(session: Session) -> ExitStatus {
        let environment = ProcessInfo.processInfo.environment
        if scriptFiles.isEmpty, Terminal.isTerminal(STDIN_FILENO) {
            let useColor = color.isEnabled(onTerminal: Terminal.isTerminal(STDOUT_FILENO), environment: environment)
            return Repl(session: session, color: useColor).run()
        }
        let runner = ScriptRunner(session: session, echo: echo, keepGoing: keepGoing,
                                  color: color.isEnabled(onTerminal: false, environment: environment))
        return scriptFiles.isEmpty ? runner.runStandardInput() : runner.run(files: scriptFiles)
    }
}
