import Foundation
import NASLanguage
import NASNotebook

/// The REPL's side of the guided tutorial: `.tutorial` commands, and the step's check after each cell.
extension Repl {
    /// Carries out a `.tutorial` request.
    func performTutorial(_ request: TutorialRequest) {
        guard let tutorial = openTutorial() else { return }
        switch request {
        case .show:
            tutorialActive = true
            runQuietly(tutorial.setupLines)
            Terminal.writeOut(tutorial.start())
        case .next: Terminal.writeOut(tutorial.skip())
        case .back: Terminal.writeOut(tutorial.back())
        case .lessons: Terminal.writeOut(tutorial.lessonList())
        case .restart:
            tutorialActive = true
            Terminal.writeOut(tutorial.restart())
        case .lesson(let number):
            tutorialActive = true
            Terminal.writeOut(tutorial.go(toLesson: number))
        case .off:
            tutorialActive = false
            Terminal.writeOut("Tutorial paused at lesson \(tutorial.progress.lesson + 1), step \(tutorial.progress.step + 1); `.tutorial` comes back to it.\n")
        }
    }

    /// After a cell: runs the current step's check in the session and says what follows.
    func checkTutorialStep(after input: String) {
        guard let tutorial, !tutorial.isComplete, !tutorial.isPartway(input) else { return }
        let held = evaluateQuietly(tutorial.currentStep.check)
        let said = tutorial.observe(checkHeld: held)
        Terminal.writeOut(held ? said : prompt.style.dim(said))
    }

    /// The tutorial, read on first use; nil (with the reason shown) when its lessons cannot be read.
    private func openTutorial() -> Tutorial? {
        if let tutorial { return tutorial }
        do {
            let opened = Tutorial(course: try TutorialCourse.shipped(), progressURL: Tutorial.progressFile(in: session.workspace),
                                  width: min(Terminal.width(), 100) - 2)
            tutorial = opened
            return opened
        } catch {
            Terminal.writeError("error: \(error)\n")
            return nil
        }
    }

    /// Whether an expression is true in the session, without showing anything it prints.
    private func evaluateQuietly(_ expression: String) -> Bool {
        sink.holding = true
        defer {
            _ = sink.takeCaptured()
            sink.holding = false
        }
        guard case .bool(true)? = interpreter.execute(expression, file: "tutorial check", mode: .cell).value else { return false }
        return true
    }

    /// Runs the lines of the steps already done, without showing their output.
    private func runQuietly(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        sink.holding = true
        _ = interpreter.execute(lines.joined(separator: "\n"), file: "tutorial setup", mode: .script)
        _ = sink.takeCaptured()
        sink.holding = false
    }
}
