import Foundation
import NASEngine
import NASNotebook
import Synchronization

/// Draws job progress as one line on stderr, redrawn in place, while foreground work runs.
///
/// The bar is drawn only between `begin()` and `end()`, while a cell runs: at the prompt the
/// line editor owns the line, and a background run's progress would overwrite what the user
/// types, so events that arrive then are dropped (the REPL reports background runs between
/// cells instead). Only used when stderr is a terminal and not in CI (`isWanted`); redraws are
/// limited to about 20 a second. Each job's ETA is worked out from the time since its first event.
final class ProgressBar: Sendable {
    private struct State {
        var lastDraw: ContinuousClock.Instant?
        var visible = false
        var drawing = false
        var started: [Int: ContinuousClock.Instant] = [:]
    }

    private let state = Mutex(State())
    private let width: Int

    /// Whether progress should be drawn on `descriptor`: only on a terminal, and never when the
    /// environment sets `CI` (CI logs keep what a bar draws), so logs stay free of redrawn lines.
    static func isWanted(on descriptor: Int32, environment: [String: String]) -> Bool {
        guard Terminal.isTerminal(descriptor) else { return false }
        let ci = environment["CI"] ?? ""
        return ci.isEmpty || ci == "0" || ci.lowercased() == "false"
    }

    /// Creates a bar for a terminal `columns` wide.
    init(columns: Int) {
        self.width = max(20, columns - 1)
    }

    /// Draws (or erases, for a final event) the bar for `event`, if foreground work is running.
    ///
    /// The line is written while the lock is held, so `end()` cannot erase the bar and return
    /// while an event is still being drawn.
    func show(_ event: ProgressEvent) {
        state.withLock { state in
            let now = ContinuousClock.now
            let started = state.started[event.jobID] ?? now
            state.started[event.jobID] = event.isFinal ? nil : started
            guard state.drawing else { return }
            if event.isFinal {
                if state.visible { Terminal.writeError("\r\u{1B}[2K") }
                state.visible = false
                return
            }
            if let last = state.lastDraw, now - last < .milliseconds(50), event.done != event.total { return }
            state.lastDraw = now
            state.visible = true
            Terminal.writeError("\r\u{1B}[2K" + ProgressLine.text(for: event, width: width, elapsed: now - started))
        }
    }

    /// Foreground work starts: progress events are drawn from now on.
    func begin() {
        state.withLock { $0.drawing = true }
    }

    /// Erases the bar if one is showing, so that printed text starts on a clean line; the next
    /// event draws it again below that text.
    func erase() {
        state.withLock { state in
            if state.visible { Terminal.writeError("\r\u{1B}[2K") }
            state.visible = false
        }
    }

    /// Foreground work ended: erases the bar if one is showing and draws no more until `begin()`.
    /// Returns whether a bar was showing.
    @discardableResult
    func end() -> Bool {
        state.withLock { state in
            defer { state.visible = false; state.drawing = false }
            if state.visible { Terminal.writeError("\r\u{1B}[2K") }
            return state.visible
        }
    }
}
