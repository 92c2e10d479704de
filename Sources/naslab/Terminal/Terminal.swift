import CEditLine
import Foundation

/// Facts about the process's standard streams and writing to them.
enum Terminal {
    /// Whether a file descriptor is a terminal.
    static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1
    }

    /// The terminal's width in columns (80 when it cannot be asked).
    static func width(of descriptor: Int32 = STDOUT_FILENO) -> Int {
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
    }

    /// The terminal's height in rows (24 when it cannot be asked).
    static func height(of descriptor: Int32 = STDOUT_FILENO) -> Int {
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 {
            return Int(size.ws_row)
        }
        return Int(ProcessInfo.processInfo.environment["LINES"] ?? "") ?? 24
    }

    /// Writes text to stdout as is.
    static func writeOut(_ text: String) {
        naslab_write_stdout(text)
    }

    /// Makes stdout line-buffered, so a pipe sees each line as soon as it is printed.
    static func lineBufferOutput() {
        naslab_line_buffer_stdout()
    }

    /// Flushes stdout.
    static func flush() {
        naslab_flush_stdout()
    }

    /// Writes text to stderr, after flushing stdout so the two stay in order on a terminal.
    static func writeError(_ text: String) {
        naslab_write_stderr(text)
    }

    /// The text with a final newline (unless empty).
    static func withNewline(_ text: String) -> String {
        text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    }
}
