import Foundation
import NASCore
import NASEngine
import NASSpaces
import NASStore
import Testing

/// A run in a real child process is killed with SIGKILL mid-run, then resumed here.
///
/// The child is this test binary itself, started with a filter that selects only
/// `childRunEntryPoint` and an environment variable naming the store; the parent watches the
/// store file until some trials are finished, kills the child, and resumes the run.
@Suite("Run kill and resume")
struct RunKillResumeTests {
    static let storeVariable = "NASLAB_RUN_CHILD_STORE"
    static let budget = 120
    static let runSeed: UInt64 = 7
    static let strategySeed: UInt64 = 21

    @Test("child entry point: runs a slow search in the store the parent names (does nothing otherwise)")
    func childRunEntryPoint() throws {
        guard let path = ProcessInfo.processInfo.environment[Self.storeVariable] else { return }
        let store = try SQLiteStore(path: path)
        let space = NB201Space()
        let handle = try RunManager(store: store).launch(
            strategy: RunTestRandomStrategy(space: space, seed: Self.strategySeed), space: space,
            evaluator: RunTestEvaluator(delay: 0.05), settings: RunSettings(budget: .trials(Self.budget), seed: Self.runSeed))
        handle.wait()
    }

    @Test("a run killed with SIGKILL loses no finished trial and resumes without duplicates")
    func killAndResume() throws {
        if ProcessInfo.processInfo.environment[Self.storeVariable] != nil { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-kill-\(UUID().uuidString)")
        let path = directory.appendingPathComponent("store.sqlite").path
        let store = try SQLiteStore(path: path)   // creates the schema before the child opens it

        let child = try launchChild(storePath: path)
        let killedAfter = try waitForFinishedTrials(atLeast: 8, in: store, child: child)
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        #expect(child.terminationStatus == SIGKILL)

        let runID = try #require(try store.allRuns().first?.id)
        let beforeResume = try store.trials(run: runID)
        let finishedBefore = beforeResume.filter { $0.status == .done }
        #expect(finishedBefore.count >= killedAfter)
        #expect(finishedBefore.count < Self.budget)
        // Finished trials are 1...k; at most the one being evaluated was left unfinished.
        #expect(finishedBefore.map(\.sequence) == Array(1...finishedBefore.count))
        #expect(beforeResume.count - finishedBefore.count <= 1)
        #expect(beforeResume.dropFirst(finishedBefore.count).allSatisfy { $0.status == .running })
        #expect(try store.run(runID)?.status == .running)
        #expect(try store.checkpoint(run: runID).lastSequence == finishedBefore.count)

        // The run's process is gone, so the run shows as interrupted.
        let manager = RunManager(store: store)
        #expect(try manager.markInterruptedRuns() == [runID])
        #expect(try store.run(runID)?.status == .interrupted)
        #expect(try store.run(runID)?.owner?.hasSuffix(":\(child.processIdentifier)") == true)

        let space = NB201Space()
        let handle = try manager.resume(
            runID, strategy: RunTestRandomStrategy(space: space, seed: Self.strategySeed), space: space,
            evaluator: RunTestEvaluator())
        #expect(handle.wait().status == .done)
        #expect(try store.run(runID)?.status == .done)

        let after = try store.trials(run: runID)
        #expect(after.map(\.sequence) == Array(1...Self.budget))
        #expect(after.allSatisfy { $0.status == .done })
        // Nothing finished before the kill was lost or changed.
        for trial in finishedBefore {
            let same = after.first { $0.id == trial.id }
            #expect(same == trial)
        }
        // The resumed run is the run that would have happened without the kill.
        let reference = try referenceTrials()
        #expect(after.map(\.architecture) == reference.map(\.architecture))
        #expect(after.map(\.metrics) == reference.map(\.metrics))
        #expect(Set(after.map(\.id)).count == Self.budget)
    }

    /// The same run, uninterrupted, in a store of its own.
    private func referenceTrials() throws -> [TrialRecord] {
        let store = try makeRunTestStore()
        let space = NB201Space()
        let handle = try RunManager(store: store).launch(
            strategy: RunTestRandomStrategy(space: space, seed: Self.strategySeed), space: space,
            evaluator: RunTestEvaluator(), settings: RunSettings(budget: .trials(Self.budget), seed: Self.runSeed))
        handle.wait()
        return try store.trials(run: handle.id)
    }

    /// Starts this test binary again, running only the child entry point.
    private func launchChild(storePath: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        process.arguments = Self.childArguments()
        var environment = ProcessInfo.processInfo.environment
        environment[Self.storeVariable] = storePath
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The arguments that make the test binary run only `childRunEntryPoint` with Swift Testing.
    static func childArguments() -> [String] {
        ["--testing-library", "swift-testing", "--filter", "RunKillResumeTests/childRunEntryPoint"]
    }

    /// Polls the store until the child has finished `count` trials; fails if the child exits first.
    private func waitForFinishedTrials(atLeast count: Int, in store: SQLiteStore, child: Process) throws -> Int {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if !child.isRunning { throw ChildError.exitedEarly(child.terminationStatus) }
            let done = try store.sql("SELECT COUNT(*) AS n FROM trials WHERE status = 'done'").rows.first?.first?.doubleValue ?? 0
            if Int(done) >= count { return Int(done) }
            Thread.sleep(forTimeInterval: 0.01)
        }
        throw ChildError.timedOut
    }

    enum ChildError: Error {
        case exitedEarly(Int32)
        case timedOut
    }
}
