import Foundation
import Testing

/// The guided tutorial walked end to end on a pseudo-terminal, as a student would: every step's
/// proposed lines typed, each step's tick awaited, leaving half-way and coming back.
@Suite struct TutorialWalkTests {
    /// The proposed lines of each step, in order, read from the shipped lessons file.
    static func stepCommands() throws -> [[String]] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/NASNotebook/Resources/Tutorial/lessons.md")
        var steps: [[String]] = []
        for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("## ") { steps.append([]) } else if line.hasPrefix("    "), !steps.isEmpty { steps[steps.count - 1].append(String(line.dropFirst(4))) }
        }
        return steps
    }

    func start(in folder: TemporaryFolder) throws -> PseudoTerminal {
        try PseudoTerminal(arguments: ["tutorial", "--workspace", folder.url.appendingPathComponent("ws").path], in: folder.url,
                           environment: ["NO_COLOR": "1"])
    }

    /// Types a step's lines, one cell each, and waits for the tick.
    func walk(_ lines: [String], on repl: PseudoTerminal) throws {
        for line in lines.dropLast() {
            repl.type(line + "\r")
            try repl.expect("In [", timeout: 240)
            repl.settle(for: 0.05)
        }
        repl.type(lines.last! + "\r")
        try repl.expect("✓ ", timeout: 240)
        try repl.expect("In [", timeout: 30)
        repl.settle(for: 0.05)
    }

    @Test("a student walks the whole tutorial, leaving after two steps and coming back where they were")
    func walksTheTutorial() throws {
        let steps = try Self.stepCommands()
        #expect(steps.count > 20)
        let folder = try TemporaryFolder()
        var repl = try start(in: folder)
        try repl.expect("Lesson 1 of 7", timeout: 20)
        try repl.expect("In [1]: ", timeout: 20)
        repl.type("x = 1\r")
        try repl.expect("(tutorial) not yet", timeout: 20)
        try repl.expect("In [")
        for lines in steps.prefix(2) { try walk(lines, on: repl) }
        repl.type(".quit\r")
        #expect(repl.waitForExit(timeout: 20) == 0)

        repl = try start(in: folder)
        try repl.expect("Welcome back: lesson 1, step 3.", timeout: 20)
        try repl.expect("In [1]: ", timeout: 20)
        for lines in steps.dropFirst(2) { try walk(lines, on: repl) }
        #expect(repl.transcript.contains("the whole tutorial"))
        repl.type(".tutorial lessons\r")
        try repl.expect("✓ 7.", timeout: 20)
        repl.type(".quit\r")
        #expect(repl.waitForExit(timeout: 20) == 0)
    }
}
