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
    /// could not be started. The pager stays in naslab's process group, the terminal's foreground
    /// one (a pager in a group of its own is stopped when it reads the keyboard). While it runs,
    /// Ctrl-C belongs to the pager, and a pager that quits early does not end naslab with SIGPIPE.
    private static func run(_ command: String, on text: String) -> Bool {
        Terminal.flush()
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return false }
        let saved = ignoring([SIGINT, SIGPIPE])
        defer { restore(saved) }
        guard let child = spawnShell(command, stdin: ends[0], closing: ends[1]) else {
            close(ends[0])
            close(ends[1])
            return false
        }
        close(ends[0])
        feed(text, to: ends[1])
        close(ends[1])
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0, errno == EINTR {}
        return true
    }

    /// Starts `/bin/sh -c command` with `stdin` as its standard input and default signal handling.
    private static func spawnShell(_ command: String, stdin: Int32, closing other: Int32) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_adddup2(&actions, stdin, STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, stdin)
        posix_spawn_file_actions_addclose(&actions, other)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        let words: [String] = ["/bin/sh", "-c", command]
        let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, "/bin/sh", &actions, &attributes, arguments, environ)
        return result == 0 ? child : nil
    }

    /// Writes all of `text` to `descriptor`, stopping early if the reader has gone.
    private static func feed(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            if written <= 0 { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Ignores `signals` and returns their previous actions.
    private static func ignoring(_ signals: [Int32]) -> [(Int32, sigaction)] {
        signals.map { signal in
            var ignore = sigaction()
            ignore.__sigaction_handler.sa_handler = SIG_IGN
            var previous = sigaction()
            sigaction(signal, &ignore, &previous)
            return (signal, previous)
        }
    }

    /// Puts back the actions `ignoring` replaced.
    private static func restore(_ saved: [(Int32, sigaction)]) {
        for (signal, action) in saved {
            var previous = action
            sigaction(signal, &previous, nil)
        }
    }
}
