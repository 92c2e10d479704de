import Foundation
import NASEngine

/// Leaving the REPL while runs still work: ask whether to wait for them, cancel them or leave.
extension Repl {
    /// What the user chose to do with the runs still working.
    enum LeavingChoice: Equatable {
        /// Wait until they finish (Ctrl-C cancels them).
        case wait
        /// Cancel them, so they stop resumable, and leave.
        case cancel
        /// Leave at once; they show as interrupted in the next session, and resume from there.
        case quitAnyway
        /// Do not leave.
        case stay

        /// The choice a typed answer names (`w`, `wait`, `c`, `cancel`, `q`, `quit`), or nil.
        init?(answer: String) {
            switch answer.trimmingCharacters(in: .whitespaces).lowercased() {
            case "w", "wait": self = .wait
            case "c", "cancel": self = .cancel
            case "q", "quit", "quit anyway": self = .quitAnyway
            default: return nil
            }
        }
    }

    /// Whether to leave now. With runs still working, asks what becomes of them (on a terminal;
    /// with no one to answer, cancels them so they stay resumable), does it, and says how to resume.
    func mayLeave() -> Bool {
        let working = runs.working
        guard !working.isEmpty else { return true }
        let choice = Terminal.isTerminal(STDIN_FILENO) ? ask(about: working) : .cancel
        switch choice {
        case .stay:
            return false
        case .wait:
            waitFor(working)
        case .cancel:
            Terminal.writeError("Cancelling \(BackgroundRuns.naming(working))…\n")
            session.cancelRuns()
        case .quitAnyway:
            for handle in working {
                Terminal.writeError("run \(handle.id) stops here and shows as interrupted in the next session; "
                                    + "resume it with \(BackgroundRuns.resumeHint(handle.id)).\n")
            }
            return true
        }
        report(working)
        return true
    }

    /// Asks until the answer is one of the choices; Ctrl-C means stay, Ctrl-D cancel.
    private func ask(about working: [RunHandle]) -> LeavingChoice {
        let pronoun = working.count == 1 ? "it" : "them"
        let verb = working.count == 1 ? "is" : "are"
        let question = "\(BackgroundRuns.naming(working)) \(verb) still working: wait for \(pronoun), "
            + "cancel \(pronoun) (resumable), or quit anyway? [w/c/q] "
        while true {
            switch editor.read(prompt: question) {
            case .interrupted:
                Terminal.writeOut("\n")
                return .stay
            case .endOfInput:
                Terminal.writeOut("\n")
                return .cancel
            case .line(let answer):
                if let choice = LeavingChoice(answer: answer) { return choice }
            }
        }
    }

    /// Waits for the runs with their progress drawn; Ctrl-C cancels them (they stay resumable).
    private func waitFor(_ working: [RunHandle]) {
        Terminal.writeError("Waiting for \(BackgroundRuns.naming(working)) (Ctrl-C cancels, resumable)…\n")
        session.interrupt.reset()
        _ = InterruptSignal.take()
        progress?.begin()
        session.waitForRuns()
        endForegroundWork(interrupted: false)
    }

    /// One line per run as it ended, with how to resume those that did not finish.
    private func report(_ handles: [RunHandle]) {
        for handle in handles {
            let progress = handle.progress
            var line = progress.line
            if progress.status.isResumable { line += "; resume it with " + BackgroundRuns.resumeHint(handle.id) }
            Terminal.writeError(line + "\n")
        }
    }
}
