import Foundation

/// The tutorial's lessons, read from `Resources/Tutorial/lessons.md`.
///
/// The file is Markdown: `# Title` starts a lesson (the prose under it is its introduction),
/// `## Title` starts a step; in a step, prose explains, lines indented four spaces are the
/// command to try, `check: EXPR` is the language expression that is true once the step is done,
/// and `hint: TEXT` is what to say while it is not.
public struct TutorialCourse: Sendable, Equatable {
    /// The lessons, in order.
    public var lessons: [TutorialLesson]

    /// Parses the lessons file; throws a `TutorialError` naming the line at fault.
    public init(markdown: String) throws {
        var lessons: [TutorialLesson] = []
        var step: TutorialStep?
        var prose: [String] = []
        func closeStep(at line: Int) throws {
            guard var current = step else { return }
            guard !current.check.isEmpty else { throw TutorialError("lessons.md:\(line): step '\(current.title)' has no 'check:' line") }
            current.text = Self.paragraphs(prose)
            lessons[lessons.count - 1].steps.append(current)
            step = nil
            prose = []
        }
        for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).enumerated() {
            let number = index + 1
            if line.hasPrefix("# ") {
                try closeStep(at: number)
                if let last = lessons.last, last.steps.isEmpty { throw TutorialError("lessons.md:\(number): lesson '\(last.title)' has no steps") }
                lessons.append(TutorialLesson(title: String(line.dropFirst(2)), introduction: "", steps: []))
                prose = []
            } else if line.hasPrefix("## ") {
                guard !lessons.isEmpty else { throw TutorialError("lessons.md:\(number): a step before any '# lesson'") }
                if step == nil { lessons[lessons.count - 1].introduction = Self.paragraphs(prose) } else { try closeStep(at: number) }
                step = TutorialStep(title: String(line.dropFirst(3)), text: "", command: [], check: "", hint: "")
                prose = []
            } else if line.hasPrefix("check: "), step != nil {
                step!.check = String(line.dropFirst(7))
            } else if line.hasPrefix("hint: "), step != nil {
                step!.hint = String(line.dropFirst(6))
            } else if line.hasPrefix("    "), step != nil {
                step!.command.append(String(line.dropFirst(4)))
            } else {
                prose.append(line)
            }
        }
        try closeStep(at: markdown.split(separator: "\n", omittingEmptySubsequences: false).count)
        guard !lessons.isEmpty, lessons.allSatisfy({ !$0.steps.isEmpty }) else { throw TutorialError("lessons.md: every lesson needs at least one step") }
        self.lessons = lessons
    }

    /// The course shipped with naslab.
    public static func shipped() throws -> TutorialCourse {
        guard let url = Bundle.module.url(forResource: "Resources/Tutorial/lessons", withExtension: "md"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw TutorialError("the tutorial's lessons are missing from naslab's resources")
        }
        return try TutorialCourse(markdown: text)
    }

    /// Prose lines joined into paragraphs (a blank line separates them), trimmed.
    private static func paragraphs(_ lines: [String]) -> String {
        var blocks: [String] = []
        var current: [String] = []
        for line in lines {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.isEmpty { blocks.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(line.trimmingCharacters(in: .whitespaces))
            }
        }
        if !current.isEmpty { blocks.append(current.joined(separator: " ")) }
        return blocks.joined(separator: "\n\n")
    }
}
