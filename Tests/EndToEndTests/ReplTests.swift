import Foundation
import Testing

/// The real REPL on a pseudo-terminal: cells, history, completion, Ctrl-C and Ctrl-D.
@Suite struct ReplTests {
    func startRepl(in folder: TemporaryFolder, _ extra: [String] = [],
                   environment: [String: String] = [:]) throws -> PseudoTerminal {
        let workspace = folder.url.appendingPathComponent("ws").path
        return try PseudoTerminal(arguments: ["--workspace", workspace] + extra, in: folder.url,
                                  environment: ["NO_COLOR": "1"].merging(environment) { $1 })
    }

    /// A background run that works for a minute or more: long enough to type while it works.
    static let longRun = "r = launch(random(), on: nb201(), using: nb201(dataset: \"cifar10\"), budget: 50000, seed: 3)"

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
        repl.type("print(\"hi\")\r")
        try repl.expect("hi\r\nIn [6]: ")   // `none` gets no Out line
        repl.settle()
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
        repl.type(".quit\r")
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
        try repl.expect("ate")
        repl.type(" + 1\r")
        try repl.expect("Out[2]: 8")
        repl.type(".tim\t on\r")
        try repl.expect("Timing is on.")
        repl.type(".quit\r")
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
        Thread.sleep(forTimeInterval: 0.5)
        repl.type("\u{3}")
        // Well before the five seconds are up, the prompt is back and the session is intact.
        // (On a loaded machine the first Ctrl-C can land before the cell starts, which resets
        // the interrupt; a second one then stops it.)
        if (try? repl.expect("In [3]: ", timeout: 1.5)) == nil {
            repl.type("\u{3}")
            try repl.expect("In [3]: ", timeout: 2)
        }
        // The terminal echoes `^C` where the cursor is; the error starts a line of its own.
        let echoes = repl.transcript.components(separatedBy: "^C").dropFirst()
        #expect(!echoes.isEmpty && echoes.allSatisfy { $0.hasPrefix("\r\n") }, "\(repl.transcript.debugDescription)")
        repl.type("kept\r")
        try repl.expect("Out[3]: 5")
        try repl.expect("In [4]: ")
        repl.settle()
        repl.type("\u{4}")
        #expect(repl.waitForExit() == 0)
    }

    @Test func ctrlCAtThePromptClearsTheLine() throws {
        let folder = try TemporaryFolder()
        let repl = try startRepl(in: folder)
        try repl.expect("In [1]: ")
        // Keys typed in the instant between libedit drawing its prompt and switching the terminal
        // to raw mode are handled by the terminal, not the editor (a person never types that fast).
        repl.settle()
        repl.type("this is not finished")
        try repl.expect("finished")
        repl.settle()
        repl.type("\u{3}")
        try repl.expect("In [1]: ")
        repl.type("1 + 1\r")
        try repl.expect("Out[1]: 2")
        repl.type(".quit\r")
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
        repl.type(".quit\r")
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
        try repl.expect("\u{1B}[32mIn [1]:\u{1B}[0m ")
        repl.type("1\r")
        try repl.expect("\u{1B}[31mOut[1]: ")
        repl.type(".quit\r")
        #expect(repl.waitForExit() == 0)
    }

    @Test func dotCommandsControlTheSession() throws {
        let folder = try TemporaryFolder()
        try folder.write("lib.nas", "# helpers\nfn double(x) { x * 2 }\nloaded = double(21)\n")
        let repl = try startRepl(in: folder)
        try repl.expect("In [1]: ")
        repl.type(".help\r")
        try repl.expect(".save FILE")
        repl.type(".load lib.nas\r")
        try repl.expect("Loaded lib.nas as cell 1.")
        repl.type("loaded\r")
        try repl.expect("Out[2]: 42")
        repl.type(".vars\r")
        try repl.expect("loaded")
        repl.type(".save notes.md\r")
        try repl.expect("Saved 2 cells to notes.md.")
        repl.type(".reset\r")
        try repl.expect("In [1]: ")
        repl.type("loaded\r")
        try repl.expect("unknown name 'loaded'")
        repl.type(".bogus\r")
        try repl.expect("unknown command '.bogus'")
        repl.type(".quit\r")
        #expect(repl.waitForExit() == 0)
        let page = try String(contentsOf: folder.url.appendingPathComponent("notes.md"), encoding: .utf8)
        #expect(page.contains("helpers\n\n```nas\nfn double(x) { x * 2 }"))
        #expect(page.contains("```text\n42\n```"))
    }

    @Test func historyFileIsCappedAtAThousandEntries() throws {
        let folder = try TemporaryFolder()
        let old = (1...1100).map { "\($0) + 0" }.joined(separator: "\n")
        try folder.write("history", "_HiStOrY_V2_\n" + old.replacingOccurrences(of: " ", with: "\\040") + "\n")
        let repl = try startRepl(in: folder)
        try repl.expect("In [1]: ")
        repl.type("\u{1b}[A\r")
        try repl.expect("Out[1]: 1100")
        repl.type("newest = 1\r")
        try repl.expect("In [2]: ")
        repl.type(".quit\r")
        #expect(repl.waitForExit() == 0)
        let lines = try String(contentsOf: folder.url.appendingPathComponent("history"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == 1001)   // the header line and the last 1000 entries
        #expect(lines.last == "newest\\040=\\0401")
        // 1100 old entries, the recalled one again and `newest`: the oldest 102 are gone.
        #expect(!lines.contains("102\\040+\\0400"))
        #expect(lines[1] == "103\\040+\\0400")
    }

    /// Issue 13.5: a background run's progress line was drawn over the prompt and the text being
    /// typed. Now the editor's line is left alone, and the run is reported between cells.
    @Test func backgroundRunNeverHidesThePromptOrTheTypedText() throws {
        let folder = try TemporaryFolder()
        let repl = try startRepl(in: folder)
        try repl.expect("In [1]: ")
        repl.type(Self.longRun + "\r")
        try repl.expect("run 1 running: ")
        try repl.expect("In [2]: ")
        repl.settle()
        repl.type("x = 1 + 2")
        try repl.expect("x = 1 + 2")
        repl.settle(for: 1.5)   // the run reports progress many times meanwhile
        #expect(VirtualScreen(repl.transcript).cursorLine == "In [2]: x = 1 + 2", "\(repl.transcript.debugDescription)")
        repl.type("\r")
        try repl.expect("In [3]: ")
        repl.type("x\r")
        try repl.expect("Out[3]: 3")
        try repl.expect("In [4]: ")
        repl.settle()
        repl.type(".quit\r")
        try repl.expect("run 1 is still working: wait for it, cancel it (resumable), or quit anyway? [w/c/q] ")
        repl.type("c\r")
        try repl.expect("run 1 cancelled: ")
        try repl.expect("resume it with resume(run(1), on: SPACE, using: EVALUATOR)")
        #expect(repl.waitForExit() == 0)
    }

    /// While a cell runs, progress is drawn, and erased before the cell prints: printed text
    /// never runs on from a progress line.
    @Test func printedTextStartsItsOwnLineUnderAProgressLine() throws {
        let folder = try TemporaryFolder()
        let repl = try startRepl(in: folder)
        try repl.expect("In [1]: ")
        repl.type(Self.longRun + "\r")
        try repl.expect("In [2]: ")
        repl.type("for i in [1, 2, 3] { sleep(400ms); print(\"tick\") }\r")
        try repl.expect("In [3]: ")
        let ticks = VirtualScreen(repl.transcript).lines.filter { $0.contains("tick") && !$0.contains("print") }
        #expect(ticks == ["tick", "tick", "tick"], "\(repl.transcript.debugDescription)")
        repl.settle()
        repl.type(".quit\r")
        try repl.expect("[w/c/q] ")
        repl.type("c\r")
        #expect(repl.waitForExit() == 0)
    }

    /// Issue 13.6: Ctrl-D or `.quit` with a run working left at once, and the run was found
    /// "interrupted" later without a word. Now the REPL asks; Ctrl-C at the question stays.
    @Test func leavingWithARunWorkingAsksWhatBecomesOfIt() throws {
        let folder = try TemporaryFolder()
        let repl = try startRepl(in: folder)
        try repl.expect("In [1]: ")
        repl.type(Self.longRun + "\r")
        try repl.expect("In [2]: ")
        repl.settle()
        repl.type("\u{4}")
        try repl.expect("or quit anyway? [w/c/q] ")
        repl.settle()
        repl.type("\u{3}")
        try repl.expect("In [2]: ")
        repl.settle()
        repl.type(".quit\r")
        try repl.expect("[w/c/q] ")
        repl.type("q\r")
        try repl.expect("run 1 stops here and shows as interrupted in the next session")
        try repl.expect("resume it with resume(run(1), on: SPACE, using: EVALUATOR)")
        #expect(repl.waitForExit() == 0)

        let again = try startRepl(in: folder)
        try again.expect("In [1]: ")
        again.type("run(1).status\r")
        try again.expect("Out[1]: \"interrupted\"")
        again.type(".quit\r")
        #expect(again.waitForExit() == 0)
    }

    /// Answering "wait" to the question waits for the run with its progress drawn, then leaves.
    @Test func leavingCanWaitForTheRunToFinish() throws {
        let folder = try TemporaryFolder()
        let repl = try startRepl(in: folder)
        try repl.expect("In [1]: ")
        repl.type(Self.longRun.replacingOccurrences(of: "50000", with: "4000") + "\r")
        try repl.expect("In [2]: ")
        repl.settle()
        repl.type(".quit\r")
        try repl.expect("[w/c/q] ")
        repl.type("w\r")
        try repl.expect("Waiting for run 1 (Ctrl-C cancels, resumable)")
        try repl.expect("run 1 done: 4000/4000 trials", timeout: 120)
        #expect(repl.waitForExit() == 0)
    }

    /// Issue 13.7: `.save FILE` replaced an existing file without a word.
    @Test func saveNeverWritesOverAFileUnlessForced() throws {
        let folder = try TemporaryFolder()
        try folder.write("kept.nas", "precious = 1\n")
        let repl = try startRepl(in: folder)
        try repl.expect("In [1]: ")
        repl.type("a = 1\r")
        try repl.expect("In [2]: ")
        repl.type(".save kept.nas\r")
        try repl.expect("error: 'kept.nas' already exists; `.save! kept.nas` writes over it")
        let kept = folder.url.appendingPathComponent("kept.nas")
        #expect(try String(contentsOf: kept, encoding: .utf8) == "precious = 1\n")
        repl.type(".save! kept.nas\r")
        try repl.expect("Saved 1 cell to kept.nas.")
        repl.type(".quit\r")
        #expect(repl.waitForExit() == 0)
        #expect(try String(contentsOf: kept, encoding: .utf8).contains("a = 1"))
    }

    /// Issue 13.8: a saved script that read `_` failed on replay with "unknown name '_'". Now it
    /// runs headless and prints what the REPL showed.
    @Test func savedScriptReplaysTheSessionsOutputs() throws {
        let folder = try TemporaryFolder()
        let repl = try startRepl(in: folder)
        let cells = ["20ms + 1s", "_ * 2", "_ + _2", "print(_1)", "y = 3; y * _"]
        let shown = ["Out[1]: 1.02s", "Out[2]: 2.04s", "Out[3]: 4.08s", "1.02s", "Out[5]: 12.24s"]
        for (n, (cell, output)) in zip(cells, shown).enumerated() {
            try repl.expect("In [\(n + 1)]: ")
            repl.type(cell + "\r")
            try repl.expect(output)
        }
        repl.type(".save replay.nas\r")
        try repl.expect("Saved 5 cells to replay.nas.")
        repl.type(".quit\r")
        #expect(repl.waitForExit() == 0)

        let replay = try NaslabBinary.run(["replay.nas"], in: folder.url)
        #expect(replay.status == 0, "\(replay.stderr)")
        let outputs = shown.map { $0.replacingOccurrences(of: #"^Out\[\d+\]: "#, with: "", options: .regularExpression) }
        #expect(replay.stdout == outputs.joined(separator: "\n") + "\n")
    }

    /// A help page taller than the terminal goes through `$PAGER`, which can read the keyboard
    /// (as `less` does); a short page is printed.
    @Test func longHelpGoesThroughThePager() throws {
        let folder = try TemporaryFolder()
        let pager = "cat > paged.txt; read answer < /dev/tty; echo PAGER-DONE-$answer"
        let repl = try startRepl(in: folder, environment: ["PAGER": pager])
        try repl.expect("In [1]: ")
        repl.type("help\r")
        repl.settle(for: 0.5)
        repl.type("q\r")
        try repl.expect("PAGER-DONE-q")
        try repl.expect("In [2]: ")
        repl.type("help sleep\r")
        try repl.expect("In [3]: ")
        repl.type(".quit\r")
        #expect(repl.waitForExit() == 0)
        #expect(repl.transcript.components(separatedBy: "PAGER-DONE").count == 2)
        #expect(repl.transcript.contains("checking every 10 ms whether Ctrl-C was pressed"))
        let paged = try String(contentsOf: folder.url.appendingPathComponent("paged.txt"), encoding: .utf8)
        #expect(paged.split(separator: "\n").count > 30 && paged.contains("launch"))
    }

    /// `.vars` cut type names to eight letters ("architec").
    @Test func varsShowsWholeTypeNames() throws {
        let folder = try TemporaryFolder()
        let repl = try startRepl(in: folder)
        try repl.expect("In [1]: ")
        repl.type("a = sample(nb201(), seed: 3)\r")
        try repl.expect("In [2]: ")
        repl.type(".vars\r")
        try repl.expect("architecture")
        repl.type(".quit\r")
        #expect(repl.waitForExit() == 0)
    }
}
