import Foundation
import Testing

/// A headless script's progress: drawn on stderr when it is a terminal (trials done, best so
/// far, ETA), silent when stderr is not a terminal or `CI` is set, so CI logs stay clean.
@Suite struct ProgressEndToEndTests {
    /// A run long enough (tens of seconds) to report progress for a while; the tests stop it with Ctrl-C.
    static let longRun = """
    r = launch(random(), on: nb201(), using: nb201(dataset: "cifar10"), budget: 50000, seed: 3)
    wait()
    """

    @Test("on a terminal the bar shows trials done of the budget, the best so far and an ETA")
    func drawnOnATerminal() throws {
        let folder = try TemporaryFolder()
        try folder.write("long.nas", Self.longRun)
        let terminal = try PseudoTerminal(arguments: ["run", "long.nas", "--workspace", "ws"], in: folder.url,
                                          environment: ["CI": ""])
        let seen = try terminal.expect(") best accuracy ", timeout: 30)
        let line = seen.components(separatedBy: "\r").last ?? ""
        #expect(line.contains("run 1 (random) [") && line.contains("/50000 (ETA "), "\(line.debugDescription)")
        terminal.type("\u{3}")
        #expect(terminal.waitForExit(timeout: 20) == 130)
    }

    @Test("simulate shows seeds done of the seeds asked for and the best so far")
    func simulateShowsItsSeeds() throws {
        let folder = try TemporaryFolder()
        try folder.write("sim.nas", """
        t = simulate(evolution(), on: nb201(), using: nb201(dataset: "cifar10"), budget: 3000, seeds: 40)
        """)
        let terminal = try PseudoTerminal(arguments: ["run", "sim.nas", "--workspace", "ws"], in: folder.url, environment: ["CI": ""])
        let seen = try terminal.expect("/40", timeout: 60)
        #expect(seen.contains("simulate evolution"), "\(seen.debugDescription)")
        _ = try terminal.expect("best accuracy ", timeout: 60)
        terminal.type("\u{3}")
        _ = terminal.waitForExit(timeout: 20)
    }

    @Test("with CI set, a terminal gets no progress line")
    func silentInCI() throws {
        let folder = try TemporaryFolder()
        try folder.write("long.nas", Self.longRun)
        let terminal = try PseudoTerminal(arguments: ["run", "long.nas", "--workspace", "ws"], in: folder.url,
                                          environment: ["CI": "true"])
        terminal.settle(for: 3)
        terminal.type("\u{3}")
        #expect(terminal.waitForExit(timeout: 20) == 130)
        #expect(!terminal.transcript.contains("/50000") && !terminal.transcript.contains("\u{1B}[2K"),
                "\(terminal.transcript.debugDescription)")
    }

    @Test("when stderr is not a terminal nothing but the script's own output appears")
    func silentWithoutATerminal() throws {
        let folder = try TemporaryFolder()
        try folder.write("short.nas", """
        r = launch(random(), on: nb201(), using: nb201(dataset: "cifar10"), budget: 1500, seed: 3)
        wait()
        print("finished")
        """)
        let run = try NaslabBinary.run(["run", "short.nas", "--workspace", "ws"], in: folder.url,
                                       environment: ["CI": ""], timeout: 120)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "finished\n")
        #expect(run.stderr.isEmpty, "\(run.stderr.debugDescription)")
    }
}
