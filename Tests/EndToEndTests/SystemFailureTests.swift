import Foundation
import Testing

/// The real binary when naslab itself cannot work (its workspace or store is unusable): exit 70, a clear
/// message at the statement that needed it, and nothing of the user's files changed.
@Suite struct SystemFailureTests {
    @Test func aFileInTheWorkspacesPlaceExits70WithAClearMessage() throws {
        let folder = try TemporaryFolder()
        try folder.write(".naslab", "not a folder\n")
        try folder.write("a.nas", "print(\"before\")\nr = runs()\nprint(\"after\")\n")
        let run = try NaslabBinary.run(["a.nas"], in: folder.url)
        #expect(run.status == 70, "\(run.stderr)")
        #expect(run.stdout == "before\n")
        #expect(run.stderr.contains("a.nas:2:"))
        #expect(run.stderr.contains("cannot use the workspace"))
        #expect(run.stderr.contains("a file with that name is in the way"))
        #expect(!run.stderr.contains("NSCocoaErrorDomain"))
        let kept = try String(contentsOf: folder.url.appendingPathComponent(".naslab"), encoding: .utf8)
        #expect(kept == "not a folder\n")
    }

    @Test func aStoreThatIsNotADatabaseExits70AndIsLeftAsItWas() throws {
        let folder = try TemporaryFolder()
        let workspace = folder.url.appendingPathComponent(".naslab")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })
        let store = workspace.appendingPathComponent("store.sqlite")
        try garbage.write(to: store)
        try folder.write("b.nas", "x = 1\nlaunch(random(), on: nb201(), using: nb201(dataset: \"cifar10\"), budget: 3, seed: 1)\n")
        let run = try NaslabBinary.run(["b.nas"], in: folder.url)
        #expect(run.status == 70, "\(run.stderr)")
        #expect(run.stderr.contains("b.nas:2:"))
        #expect(run.stderr.contains("its store cannot be opened"))
        #expect(try Data(contentsOf: store) == garbage)
    }

    @Test func theReplReportsTheFailureAndKeepsTheSession() throws {
        let folder = try TemporaryFolder()
        try folder.write("blocked", "in the way\n")
        let workspace = folder.url.appendingPathComponent("blocked").path
        let repl = try PseudoTerminal(arguments: ["--workspace", workspace], in: folder.url, environment: ["NO_COLOR": "1"])
        try repl.expect("In [1]: ")
        repl.type("runs()\r")
        try repl.expect("cannot use the workspace")
        try repl.expect("In [2]: ")
        repl.type("6 * 7\r")
        try repl.expect("Out[2]: 42")
        repl.type(".quit\r")
        #expect(repl.waitForExit() == 0)
    }
}
