import Foundation
import NASCore

/// The guided tutorial, vimtutor-style: each step explains, proposes a command, and moves on
/// once its check holds in the student's session.
///
/// `Tutorial` only keeps the place and words the messages; the REPL runs the student's cells and
/// the checks (through the one interpreter) and prints what it returns. The place is saved in the
/// workspace after every move, so a student can leave and come back where they were.
public final class Tutorial {
    /// The lessons.
    public let course: TutorialCourse
    /// Where the student is.
    public private(set) var progress: TutorialProgress
    private let progressURL: URL
    private let width: Int

    /// A tutorial over `course` whose place is kept at `progressURL` (read from it when it exists).
    public init(course: TutorialCourse, progressURL: URL, width: Int = 78) {
        self.course = course
        self.progressURL = progressURL
        self.width = width
        progress = TutorialProgress.load(from: progressURL)
        if progress.lesson >= course.lessons.count || progress.step >= course.lessons[progress.lesson].steps.count {
            progress = TutorialProgress()
        }
    }

    /// The file the place is kept in, in a workspace folder.
    public static func progressFile(in workspace: URL) -> URL { workspace.appendingPathComponent("tutorial.json") }

    /// Whether every lesson is finished.
    public var isComplete: Bool { Set(progress.finished).count == course.lessons.count }

    /// The step the student is on.
    public var currentStep: TutorialStep { course.lessons[progress.lesson].steps[progress.step] }

    /// The commands of the current lesson's earlier steps: run them quietly when a student comes
    /// back, so that the variables the next checks need exist again.
    public var setupLines: [String] { course.lessons[progress.lesson].steps.prefix(progress.step).flatMap(\.command) }

    /// What `.tutorial` prints: a welcome (or welcome back) and the current step.
    public func start() -> String {
        if isComplete { return "You have finished every lesson. `.tutorial restart` starts again; `.tutorial lessons` lists them.\n" }
        let fresh = progress.lesson == 0 && progress.step == 0 && progress.finished.isEmpty
        let greeting = fresh
            ? "Welcome to the naslab tutorial: \(course.lessons.count) lessons, in the order the NAS survey teaches the field. "
                + "Type the proposed command (or your own); the tutorial moves on when the step is done."
            : "Welcome back: lesson \(progress.lesson + 1), step \(progress.step + 1)."
        return wrap(greeting) + "\n\n" + present(withIntroduction: progress.step == 0)
            + "(`.tutorial next` skips a step, `.tutorial back` goes back, `.tutorial lessons` lists the lessons, "
            + "`.tutorial off` pauses; `help NAME` explains anything)\n"
    }

    /// Whether `input` is one of the current step's proposed lines before its last: the student
    /// is following the step, which is not done (nor checked) until its last line.
    public func isPartway(_ input: String) -> Bool {
        currentStep.command.dropLast().contains(input.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// After one of the student's cells: whether the check held decides between moving on and a hint.
    public func observe(checkHeld: Bool) -> String {
        guard checkHeld else {
            let hint = currentStep.hint.isEmpty ? "not yet — try the proposed command." : "not yet — " + currentStep.hint
            return "  (tutorial) " + hint + "\n"
        }
        return "✓ " + advance()
    }

    /// `.tutorial next`: skips the current step.
    public func skip() -> String { "Skipped. " + advance() }

    /// `.tutorial back`: the previous step (or the last of the previous lesson).
    public func back() -> String {
        if progress.step > 0 {
            progress.step -= 1
        } else if progress.lesson > 0 {
            progress.lesson -= 1
            progress.step = course.lessons[progress.lesson].steps.count - 1
        }
        persist()
        return present(withIntroduction: false)
    }

    /// `.tutorial N`: lesson N from its first step.
    public func go(toLesson number: Int) -> String {
        guard (1...course.lessons.count).contains(number) else {
            return "There are lessons 1 to \(course.lessons.count); `.tutorial lessons` lists them.\n"
        }
        progress.lesson = number - 1
        progress.step = 0
        persist()
        return present(withIntroduction: true)
    }

    /// `.tutorial restart`: forgets the place and starts at lesson 1.
    public func restart() -> String {
        progress = TutorialProgress()
        persist()
        return start()
    }

    /// `.tutorial lessons`: the lessons, with a mark on the finished ones and the current one.
    public func lessonList() -> String {
        var lines = ["Lessons (`.tutorial N` goes to one):"]
        for (i, lesson) in course.lessons.enumerated() {
            let mark = progress.finished.contains(i) ? "✓" : (i == progress.lesson ? "▸" : " ")
            lines.append(" \(mark) \(i + 1). \(lesson.title) (\(lesson.steps.count) steps)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Moves to the next step (or lesson) and presents it.
    private func advance() -> String {
        let lesson = course.lessons[progress.lesson]
        if progress.step + 1 < lesson.steps.count {
            progress.step += 1
            persist()
            return "Next:\n\n" + present(withIntroduction: false)
        }
        if !progress.finished.contains(progress.lesson) { progress.finished.append(progress.lesson) }
        let next = (1...course.lessons.count).map { (progress.lesson + $0) % course.lessons.count }.first { !progress.finished.contains($0) }
        guard let next else {
            persist()
            return "Lesson \(progress.lesson + 1) done, and with it the whole tutorial. `help concepts` lists the ideas "
                + "to read next; samples/README.md lists the samples in teaching order.\n"
        }
        progress.lesson = next
        progress.step = 0
        persist()
        return "Lesson \(lesson.title.lowercased().first.map(String.init) ?? "")\(lesson.title.dropFirst()) is done.\n\n"
            + present(withIntroduction: true)
    }

    /// The current step as shown: a heading, the text, the command to try.
    private func present(withIntroduction: Bool) -> String {
        let lesson = course.lessons[progress.lesson]
        let step = currentStep
        var lines: [String] = []
        if withIntroduction {
            lines.append("━━ Lesson \(progress.lesson + 1) of \(course.lessons.count): \(lesson.title) ━━")
            if !lesson.introduction.isEmpty { lines += [wrap(lesson.introduction), ""] }
        }
        lines.append("Step \(progress.step + 1) of \(lesson.steps.count) · \(step.title)")
        if !step.text.isEmpty { lines.append(wrap(step.text)) }
        if !step.command.isEmpty { lines += [""] + step.command.map { "    " + $0 } }
        lines.append("")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text wrapped at the tutorial's width.
    private func wrap(_ text: String) -> String { text.wrappedLines(width: width).joined(separator: "\n") }

    /// Saves the place; a workspace that cannot be written only costs the ability to come back.
    private func persist() { try? progress.save(to: progressURL) }
}
