import Foundation

/// Shows text taller than the terminal one screen at a time, through `$PAGER` or `less -R`.
enum Pager {
    /// Writes `text` to stdout: through the pager when stdout is a terminal, the text is taller
    /// than it and a pager can be started; as it is otherwise (never paged in a pipe or a file).
    static func show(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let lines = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        guard Terminal.isTerminal(STDOUT_FILENO), lines >= Terminal.height() - 1,
              let command = command(environment: environment), run(command, on: text) else {
            Terminal.writeOut(text)
            return
        }
    }

    /// `$PAGER`, or `less -R` when `less` is on the path; nil when there is neither.
    static func command(environment: [String: String]) -> String? {
        if let pager = environment["PAGER"], !pager.allSatisfy(\.isWhitespace) { return pager }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        let hasLess = folders.contains { FileManager.default.isExecutableFile(atPath: "\($0)/less") }
        return hasLess ? "less -R" : nil
    }

    /// Runs `command` through the shell with `text` on its stdin and waits for it; false when it
    /// could not be started. While it runs, Ctrl-C belongs to the pager and a pager that quits
    /// early does not end naslab with SIGPIPE.
    private static func run(_ command: String, on text: String) -> Bool {
        Terminal.flush()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let input = Pipe()
        process.standardInput = input
        var savedInterrupt = sigaction()
        var savedPipe = sigaction()
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigaction(SIGINT, &ignore, &savedInterrupt)
        sigaction(SIGPIPE, &ignore, &savedPipe)
        defer {
            sigaction(SIGINT, &savedInterrupt, nil)
            sigaction(SIGPIPE, &savedPipe, nil)
        }
        do { try process.run() } catch { return false }
        try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return true
    }
}
