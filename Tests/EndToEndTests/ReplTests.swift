import Foundation
import Testing

/// The real REPL on a pseudo-terminal: cells, history, completion, Ctrl-C and Ctrl-D.
@Suite struct ReplTests {
    func startRepl(in folder: TemporaryFolder, _ extra: [String] = []) throws -> PseudoTerminal {
        let workspace = folder.url.appendingPathComponent("ws").path
        return try PseudoTerminal(arguments: ["--workspace", workspace] + extra, in: folder.url,
                                  environment: ["NO_COLOR": "1"])
    }

    @Test func numbersCellsAndShowsOutputs() throws {
        let folder = try TemporaryFolder()
        let repl = try startRepl(in: folder)
        try repl.expect("In [1]: ")
        repl.type("x = 2 + 3\r")
        try repl.expect("In [2]: ")
        repl.type("x * 2\r")
        try repl.expect("Out[2]: 10")
        try repl.expect("In [3]: ")
        repl.type("_ + _2\r")
        try repl.expect("Out[3]: 20")
        repl.type("xs = [1,\r")
        try repl.expect("   ...: ")
        repl.type("2]\r")
        try repl.expect("In [5]: ")
        repl.type("\u{4}")
        #expect(repl.waitForExit() == 0)
    }

    @Test func upArrowRecallsHistoryAndHistoryPersists() throws {
        let folder = try TemporaryFolder()
        let repl = try startRepl(in: folder)
        try repl.expect("In [1]: ")
        repl.type("41 + 1\r")
        try repl.expect("Out[1]: 42")
        try repl.expect("In [2]: ")
        repl.type("\u{1b}[A\r")
        try repl.expect("Out[2]: 42")
        repl.type("\u{4}")
        #expect(repl.waitForExit() == 0)

        let again = try startRepl(in: folder)
        try again.expect("In [1]: ")
        again.type("\u{1b}[A\r")
        try again.expect("Out[1]: 42")
        again.type(".quit\r")
        #expect(again.waitForExit() == 0)
    }

    @Test func tabCompletesVariablesAndDotCommands() throws {
        let folder = try TemporaryFolder()
        let repl = try startRepl(in: folder)
        try repl.expect("In [1]: ")
        repl.type("learning_rate = 7\r")
        try repl.expect("In [2]: ")
        repl.type("learning_r\t")
        try repl.expect("learning_rate")
        repl.type(" + 1\r")
        try repl.expect("Out[2]: 8")
        repl.type(".tim\t on\r")
        try repl.expect("Timing is on.")
        repl.type("\u{4}")
        #expect(repl.waitForExit() == 0)
    }

    @Test func ctrlCStopsARunningCellAndKeepsTheSession() throws {
        let folder = try TemporaryFolder()
        let repl = try startRepl(in: folder)
        try repl.expect("In [1]: ")
        repl.type("kept = 5\r")
        try repl.expect("In [2]: ")
        repl.type("sleep(5s)\r")
        try repl.expect("sleep(5s)\r\n")
        Thread.sleep(forTimeInterval: 0.3)
        repl.type("\u{3}")
        // Well before the five seconds are up, the prompt is back and the session is intact.
        try repl.expect("In [3]: ", timeout: 3)
        repl.type("kept\r")
        try repl.expect("Out[3]: 5")
        repl.type("\u{4}")
        #expect(repl.waitForExit() == 0)
    }

    @Test func ctrlCAtThePromptClearsTheLine() throws {
        let folder = try TemporaryFolder()
        let repl = try startRepl(in: folder)
        try repl.expect("In [1]: ")
        repl.type("this is not finished")
        try repl.expect("finished")
        repl.type("\u{3}")
        try repl.expect("In [1]: ")
        repl.type("1 + 1\r")
        try repl.expect("Out[1]: 2")
        repl.type("\u{4}")
        #expect(repl.waitForExit() == 0)
    }

    @Test func saveWritesScriptAndNotebook() throws {
        let folder = try TemporaryFolder()
        let repl = try startRepl(in: folder)
        try repl.expect("In [1]: ")
        repl.type("# two numbers\r")
        repl.type("a = 2\r")
        try repl.expect("In [2]: ")
        repl.type("a + nope\r")
        try repl.expect("In [3]: ")
        repl.type("a * 21\r")
        try repl.expect("Out[3]: 42")
        repl.type(".save s.nas\r")
        try repl.expect("Saved 2 cells to s.nas.")
        repl.type(".save n.ipynb\r")
        try repl.expect("Saved 3 cells to n.ipynb.")
        repl.type("\u{4}")
        #expect(repl.waitForExit() == 0)

        let replay = try NaslabBinary.run(["s.nas"], in: folder.url)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout == "42\n")
        let data = try Data(contentsOf: folder.url.appendingPathComponent("n.ipynb"))
        let notebook = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(notebook["nbformat"] as? Int == 4)
        #expect((notebook["cells"] as? [Any])?.isEmpty == false)
    }

    @Test func colourFollowsTheFlag() throws {
        let folder = try TemporaryFolder()
        let repl = try startRepl(in: folder, ["--color", "always"])
        try repl.expect("\u{1B}[32m")
        repl.type("\u{4}")
        #expect(repl.waitForExit() == 0)
    }
}
