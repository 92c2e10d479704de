import Foundation
import NASEngine

/// The session's runs as the REPL reports them between cells: a status line when one changed,
/// and the runs still working when the user leaves.
final class BackgroundRuns {
    private let session: Session
    private let interval: Duration
    private var reported: [Int64: (line: String, at: ContinuousClock.Instant)] = [:]

    /// Creates a reporter over `session`'s runs that repeats a working run's line at most every `interval`.
    init(session: Session, interval: Duration = .seconds(10)) {
        self.session = session
        self.interval = interval
    }

    /// The runs of this session that are still working, by id.
    var working: [RunHandle] {
        session.openedRuns?.handles.filter { !$0.isFinished } ?? []
    }

    /// One line for each run to report now: a run not reported yet, a run that has finished since
    /// (once), and a working run whose progress changed if its last line is older than `interval`.
    func changes() -> [String] {
        let now = ContinuousClock.now
        var lines: [String] = []
        for handle in session.openedRuns?.handles ?? [] {
            let line = handle.progress.line
            if let last = reported[handle.id] {
                guard line != last.line, handle.isFinished || now - last.at >= interval else { continue }
            }
            reported[handle.id] = (line, now)
            lines.append(line)
        }
        return lines
    }

    /// Counts as reported each run whose current line a cell just showed (`wait(r)`, `r`), so
    /// the status before the next prompt does not repeat it.
    func noteShown(_ text: String) {
        let now = ContinuousClock.now
        for handle in session.openedRuns?.handles ?? [] {
            let line = handle.progress.line
            if text.contains(line) { reported[handle.id] = (line, now) }
        }
    }

    /// How to continue run `id` later, for a message.
    static func resumeHint(_ id: Int64) -> String {
        "resume(run(\(id)), on: SPACE, using: EVALUATOR), giving the space and evaluator it was launched with"
    }

    /// "run 3" or "runs 2 and 3", for a message.
    static func naming(_ handles: [RunHandle]) -> String {
        let ids = handles.map { String($0.id) }
        guard ids.count > 1 else { return "run " + (ids.first ?? "") }
        return "runs " + ids.dropLast().joined(separator: ", ") + " and " + ids.last!
    }
}
