import CEditLine
import Foundation

/// The REPL's line editor: libedit's readline with persistent, capped history and Tab completion.
final class LineEditor {
    /// What one call to `read` got.
    enum Input: Equatable {
        /// A line the user entered (without its newline).
        case line(String)
        /// Ctrl-C: the line was abandoned.
        case interrupted
        /// Ctrl-D on an empty line: the user wants to leave.
        case endOfInput
    }

    private let historyPath: String
    private let historyCapacity: Int

    /// Creates an editor whose history lives in `historyPath`, keeping the last `historyCapacity` entries.
    init(historyPath: String, historyCapacity: Int = 1000, completer: @escaping CompletionBridge.Provider) {
        self.historyPath = historyPath
        self.historyCapacity = historyCapacity
        naslab_rl_set_readline_name("naslab")
        naslab_rl_use_standard_streams()
        using_history()
        naslab_history_stifle(Int32(historyCapacity))
        _ = read_history(historyPath)
        CompletionBridge.shared.install(completer)
    }

    /// The history file: `$NASLAB_HISTORY`, or `~/.naslab_history`.
    static func defaultHistoryPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["NASLAB_HISTORY"], !path.isEmpty { return path }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".naslab_history").path
    }

    /// Shows `prompt` and reads one line.
    func read(prompt: String) -> Input {
        _ = InterruptSignal.take()
        guard let pointer = readline(prompt) else {
            return InterruptSignal.take() ? .interrupted : .endOfInput
        }
        defer { free(pointer) }
        let line = String(cString: pointer)
        return InterruptSignal.take() ? .interrupted : .line(line)
    }

    private var lastEntry: String?

    /// Adds an entry to the history (unless it repeats the last one) and saves the capped file.
    func remember(_ entry: String) {
        guard !entry.allSatisfy(\.isWhitespace), entry != lastEntry else { return }
        lastEntry = entry
        _ = add_history(entry)
        _ = write_history(historyPath)
    }
}
