import Foundation
import Testing

/// The real binary run on scripts: output, diagnostics and every exit code.
@Suite struct HeadlessTests {
    @Test func runsAFileAndPrintsItsValues() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.nas", "x = 20ms + 1s\nprint(x)\nx * 2\nx;\n")
        let run = try NaslabBinary.run(["a.nas"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "1.02s\n2.04s\n")
        #expect(run.stderr.isEmpty)
    }

    @Test func runSubcommandRunsScriptsInOneSession() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.nas", "greeting = \"hello\"\n")
        try folder.write("b.nas", "print(greeting)\n")
        let run = try NaslabBinary.run(["run", "a.nas", "b.nas"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "hello\n")
    }

    @Test func readsTheScriptFromStdinIncludingALastLineWithoutNewline() throws {
        let folder = try TemporaryFolder()
        let run = try NaslabBinary.run([], input: "x = 40\nprint(x + 2)", in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "42\n")
    }

    @Test func aFailedAssertExitsOneWithItsMessage() throws {
        let folder = try TemporaryFolder()
        try folder.write("t.nas", "x = 3\nassert x > 5, \"x is too small\"\nprint(\"after\")\n")
        let run = try NaslabBinary.run(["t.nas"], in: folder.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("x is too small"))
        #expect(!run.stdout.contains("after"))
    }

    @Test func aScriptErrorExits65WithFileLineAndColumn() throws {
        let folder = try TemporaryFolder()
        try folder.write("bad.nas", "x = 1\ny = x + undefinedthing\n")
        let run = try NaslabBinary.run(["bad.nas"], in: folder.url)
        #expect(run.status == 65)
        #expect(run.stderr.contains("bad.nas:2:"))
        #expect(run.stderr.contains("error"))
        #expect(run.stdout.isEmpty)
    }

    @Test func aMissingFileExits66() throws {
        let folder = try TemporaryFolder()
        let run = try NaslabBinary.run(["run", "nowhere.nas"], in: folder.url)
        #expect(run.status == 66)
        #expect(run.stderr.contains("nowhere.nas"))
    }

    @Test(arguments: [["run"], ["--color", "sometimes", "a.nas"], ["--no-such-flag"]])
    func badUsageExits64(arguments: [String]) throws {
        let folder = try TemporaryFolder()
        try folder.write("a.nas", "1\n")
        let run = try NaslabBinary.run(arguments, in: folder.url)
        #expect(run.status == 64)
        #expect(!run.stderr.isEmpty)
    }

    @Test func keepGoingRunsPastErrorsAndExitsWithTheFirstFailure() throws {
        let folder = try TemporaryFolder()
        try folder.write("k.nas", "print(\"one\")\nnope + 1\nprint(\"three\")\nassert false, \"four\"\n")
        let stopped = try NaslabBinary.run(["k.nas"], in: folder.url)
        #expect(stopped.status == 65)
        #expect(stopped.stdout == "one\n")
        let kept = try NaslabBinary.run(["--keep-going", "k.nas"], in: folder.url)
        #expect(kept.status == 65)
        #expect(kept.stdout == "one\nthree\n")
        #expect(kept.stderr.contains("k.nas:2:"))
        #expect(kept.stderr.contains("four"))
    }

    @Test func keepGoingQuotesTheLineOfAnErrorInsideAFunction() throws {
        let folder = try TemporaryFolder()
        try folder.write("f.nas", "fn f(x) {\n  y = 1\n  z = 2\n  w = x / 0\n}\nprint(\"one\")\nf(2)\nprint(\"three\")\n")
        let expected = "f.nas:4:7: error: division by zero (2 / 0)\n      w = x / 0\n          ^~~~~\n"
        let stopped = try NaslabBinary.run(["f.nas"], in: folder.url)
        #expect(stopped.stderr == expected)
        let kept = try NaslabBinary.run(["--keep-going", "f.nas"], in: folder.url)
        #expect(kept.status == 65)
        #expect(kept.stdout == "one\nthree\n")
        #expect(kept.stderr == expected)
    }

    @Test func anErrorInAFunctionFromAnEarlierScriptNamesThatScriptAndLine() throws {
        let folder = try TemporaryFolder()
        try folder.write("lib.nas", "fn half(x) {\n  x / 0\n}\n")
        try folder.write("main.nas", "print(\"start\")\nhalf(4)\n")
        let run = try NaslabBinary.run(["run", "lib.nas", "main.nas"], in: folder.url)
        #expect(run.status == 65)
        #expect(run.stderr == "lib.nas:2:3: error: division by zero (4 / 0)\n      x / 0\n      ^~~~~\n")
    }

    @Test func aNulByteInAScriptIsNamedAndTheMessageIsWhole() throws {
        let folder = try TemporaryFolder()
        try folder.write("n.nas", "x = 1 +\u{0} 2\nprint(x)\n")
        let run = try NaslabBinary.run(["n.nas"], in: folder.url)
        #expect(run.status == 65)
        #expect(run.stderr.contains("n.nas:1:8: error: unexpected control character U+0000 (NUL); delete it"))
        #expect(run.stderr.contains("    x = 1 +\u{2400} 2\n           ^"))
    }

    @Test func aMissingDataFileExits66() throws {
        let folder = try TemporaryFolder()
        try folder.write("d.nas", "print(\"before\")\nt = load(\"no/such/table.csv\")\n")
        let run = try NaslabBinary.run(["d.nas"], in: folder.url)
        #expect(run.status == 66, "\(run.stderr)")
        #expect(run.stderr.contains("d.nas:2:5: error: no/such/table.csv: no such file"))
    }

    @Test func aHelpPageEndsItsLastLine() throws {
        let folder = try TemporaryFolder()
        try folder.write("h.nas", "help abs\nprint(\"next\")\n")
        let run = try NaslabBinary.run(["h.nas"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasSuffix("keeping its unit.\nnext\n"))
    }

    @Test func echoPrintsEachStatementBeforeItsOutput() throws {
        let folder = try TemporaryFolder()
        try folder.write("e.nas", "# a comment\nxs = [1,\n  2]\nprint(\"hi\")\n")
        let run = try NaslabBinary.run(["--echo", "e.nas"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "> xs = [1,\n>   2]\n> print(\"hi\")\nhi\n")
    }

    @Test func diagnosticsAreColouredOnlyWhenAsked() throws {
        let folder = try TemporaryFolder()
        try folder.write("bad.nas", "y = nope\n")
        let plain = try NaslabBinary.run(["bad.nas"], in: folder.url)
        #expect(!plain.stderr.contains("\u{1B}["))
        let coloured = try NaslabBinary.run(["--color", "always", "bad.nas"], in: folder.url)
        #expect(coloured.status == 65)
        #expect(coloured.stderr.contains("\u{1B}["))
    }

    @Test func versionPrintsTheVersion() throws {
        let folder = try TemporaryFolder()
        let run = try NaslabBinary.run(["--version"], in: folder.url)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("naslab "))
    }

    @Test func theTourRunsHeadlessAndPasses() throws {
        let folder = try TemporaryFolder()
        let tour = NaslabBinary.packageRoot.appendingPathComponent("samples/00-tour.nas").path
        let run = try NaslabBinary.run([tour, "--workspace", folder.url.appendingPathComponent("ws").path],
                                       in: folder.url, timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
    }

    @Test func ctrlCStopsAHeadlessScriptWithStatus130() throws {
        let folder = try TemporaryFolder()
        try folder.write("slow.nas", "print(\"start\")\nsleep(5s)\nprint(\"never\")\n")
        let (process, handle) = try Self.start("slow.nas", in: folder)
        #expect(String(decoding: handle.availableData, as: UTF8.self) == "start\n")
        process.interrupt()
        let deadline = Date().addingTimeInterval(4)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(String(decoding: handle.readDataToEndOfFile(), as: UTF8.self).isEmpty)
    }

    /// A search with a huge budget works in bounded memory, and Ctrl-C stops it within half a second.
    @Test func ctrlCStopsAHugeSimulationAtOnceAndItsMemoryStaysSmall() throws {
        let folder = try TemporaryFolder()
        try folder.write("huge.nas", """
            ev = nb201(dataset: "cifar10")
            print("start")
            simulate(random(), on: nb201(), using: ev, budget: 1e9, seeds: 1)
            print("never")

            """)
        let (process, handle) = try Self.start("huge.nas", in: folder)
        #expect(String(decoding: handle.availableData, as: UTF8.self) == "start\n")
        Thread.sleep(forTimeInterval: 3)
        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        let rssKiB = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
            .flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        #expect(process.isRunning, "the simulation should still be working after 3 s")
        #expect(rssKiB > 0 && rssKiB < 400_000, "resident memory after 3 s: \(rssKiB) KiB")
        let interrupted = Date()
        process.interrupt()
        while process.isRunning, Date().timeIntervalSince(interrupted) < 4 { usleep(5_000) }
        let stoppedAfter = Date().timeIntervalSince(interrupted)
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        #expect(stoppedAfter < 0.5, "Ctrl-C took \(stoppedAfter) s")
        #expect(process.terminationStatus == 130)
        #expect(String(decoding: handle.readDataToEndOfFile(), as: UTF8.self).isEmpty)
    }

    /// Starts the binary on a script of `folder` in the background; its standard output is read through the handle.
    static func start(_ script: String, in folder: TemporaryFolder) throws -> (Process, FileHandle) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: NaslabBinary.path)
        process.arguments = [script]
        process.currentDirectoryURL = folder.url
        process.environment = NaslabBinary.testEnvironment(home: folder.url)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        return (process, output.fileHandleForReading)
    }
}
