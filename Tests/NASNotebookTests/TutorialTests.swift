import Foundation
import Testing
@testable import NASNotebook

/// The tutorial's lessons file, its moves from step to step, and the place kept in the workspace.
@Suite struct TutorialTests {
    static let course = """
        # Spaces

        What a space is.

        ## Make one
        Make the space.
            s = nb201()
        check: type(s) == "space"
        hint: type the line.

        ## Two lines
            a = 1
            b = a + 1
        check: b == 2

        # Runs

        ## Launch
            r = 1
        check: r == 1
        """

    func tutorial(at url: URL) throws -> Tutorial {
        Tutorial(course: try TutorialCourse(markdown: Self.course), progressURL: url, width: 60)
    }

    func scratchFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("naslab-tutorial-\(UUID()).json")
    }

    @Test("a lessons file is read into lessons, introductions and steps with commands, checks and hints")
    func parsesTheCourse() throws {
        let course = try TutorialCourse(markdown: Self.course)
        #expect(course.lessons.map(\.title) == ["Spaces", "Runs"])
        #expect(course.lessons[0].introduction == "What a space is.")
        #expect(course.lessons[0].steps.map(\.title) == ["Make one", "Two lines"])
        let first = course.lessons[0].steps[0]
        #expect(first.text == "Make the space.")
        #expect(first.command == ["s = nb201()"])
        #expect(first.check == "type(s) == \"space\"")
        #expect(first.hint == "type the line.")
        #expect(course.lessons[0].steps[1].command == ["a = 1", "b = a + 1"])
    }

    @Test("a step without a check, or a lesson without steps, is refused with its line")
    func refusesBrokenCourses() {
        #expect(throws: TutorialError("lessons.md:4: step 'A' has no 'check:' line")) {
            try TutorialCourse(markdown: "# L\n## A\n    x = 1\n## B\ncheck: true")
        }
        #expect(throws: TutorialError("lessons.md:3: lesson 'Empty' has no steps")) {
            try TutorialCourse(markdown: "# Empty\ntext\n# Next\n## A\ncheck: true")
        }
    }

    @Test("a held check moves to the next step, then the next lesson; a failed one gives the hint")
    func movesOnWhenTheCheckHolds() throws {
        let tutorial = try tutorial(at: scratchFile())
        #expect(tutorial.start().contains("Lesson 1 of 2: Spaces"))
        #expect(tutorial.observe(checkHeld: false).contains("not yet — type the line."))
        #expect(tutorial.progress.step == 0)
        #expect(!tutorial.isPartway("s = nb201()"))
        #expect(tutorial.observe(checkHeld: true).contains("Step 2 of 2 · Two lines"))
        // The first of a two-line step's lines is not yet the step: it is not checked while followed.
        #expect(tutorial.isPartway(" a = 1 ") && !tutorial.isPartway("b = a + 1") && !tutorial.isPartway("a = 2"))
        let next = tutorial.observe(checkHeld: true)
        #expect(next.contains("is done") && next.contains("Lesson 2 of 2: Runs"))
        #expect(tutorial.observe(checkHeld: true).contains("the whole tutorial"))
        #expect(tutorial.isComplete)
        #expect(tutorial.lessonList().contains("✓ 1. Spaces") && tutorial.lessonList().contains("✓ 2. Runs"))
    }

    @Test("the place is kept in the workspace: leaving and coming back resumes it, with the earlier steps' lines to replay")
    func keepsThePlace() throws {
        let file = scratchFile()
        defer { try? FileManager.default.removeItem(at: file) }
        let first = try tutorial(at: file)
        _ = first.observe(checkHeld: true)
        let again = try tutorial(at: file)
        #expect(again.progress.lesson == 0 && again.progress.step == 1)
        #expect(again.start().hasPrefix("Welcome back: lesson 1, step 2."))
        #expect(again.setupLines == ["s = nb201()"])
    }

    @Test("next, back, a lesson number and restart move the place")
    func movesOnRequest() throws {
        let tutorial = try tutorial(at: scratchFile())
        _ = tutorial.skip()
        #expect(tutorial.progress.step == 1)
        _ = tutorial.back()
        #expect(tutorial.progress.step == 0)
        _ = tutorial.go(toLesson: 2)
        #expect(tutorial.progress.lesson == 1 && tutorial.progress.step == 0)
        #expect(tutorial.go(toLesson: 9).contains("There are lessons 1 to 2"))
        _ = tutorial.back()
        #expect(tutorial.progress.lesson == 0 && tutorial.progress.step == 1)
        _ = tutorial.restart()
        #expect(tutorial.progress == TutorialProgress())
    }

    @Test("the shipped course has the issue's seven lessons in order")
    func shippedCourse() throws {
        let titles = try TutorialCourse.shipped().lessons.map { $0.title.lowercased() }
        let topics = ["search spaces", "training", "hyperband", "evolution", "darts", "latency", "queries"]
        #expect(titles.count == topics.count)
        for (title, topic) in zip(titles, topics) { #expect(title.contains(topic), "\(title) should be about \(topic)") }
    }
}
