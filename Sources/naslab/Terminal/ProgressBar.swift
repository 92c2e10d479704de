import Foundation
import NASEngine
import NASNotebook
import Synchronization

/// Draws job progress as one line on stderr, redrawn in place, and erases it when the job ends.
///
/// Only used when stderr is a terminal; redraws are limited to about 20 a second.
final class ProgressBar: Sendable {
    private struct State {
        var lastDraw: ContinuousClock.Instant?
        var visible = false
    }

    private let state = Mutex(State())
    private let width: Int

    /// Creates a bar for a terminal `columns` wide.
    init(columns: Int) {
        self.width = max(20, columns - 1)
    }

    /// Draws (or erases, for a final event) the bar for `event`.
    func show(_ event: ProgressEvent) {
        let line: String? = state.withLock { state in
            if event.isFinal {
                defer { state.visible = false }
                return state.visible ? "\r\u{1B}[2K" : nil
            }
            let now = ContinuousClock.now
            if let last = state.lastDraw, now - last < .milliseconds(50), event.done != event.total { return nil }
            state.lastDraw = now
            state.visible = true
            return "\r\u{1B}[2K" + ProgressLine.text(for: event, width: width)
        }
        if let line { Terminal.writeError(line) }
    }

    /// Erases the bar if one is showing (before the REPL prints a cell's output).
    func clear() {
        let wasVisible = state.withLock { state in
            defer { state.visible = false }
            return state.visible
        }
        if wasVisible { Terminal.writeError("\r\u{1B}[2K") }
    }
}
