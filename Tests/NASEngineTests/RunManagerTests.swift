import Foundation
import NASCore
import NASEngine
import NASSearch
import NASSpaces
import NASStore
import Synchronization
import Testing

/// A fresh store in a temporary directory.
func makeRunTestStore() throws -> SQLiteStore {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-run-\(UUID().uuidString)")
    return try SQLiteStore.workspace(dir.path)
}

@Suite("Run manager")
struct RunManagerTests {
    @Test("a trial budget records every trial once, in order, with the evaluator's metrics")
    func trialBudget() throws {
        let store = try makeRunTestStore()
        let manager = RunManager(store: store)
        let evaluator = RunTestEvaluator()
        let events = Mutex<[RunEvent]>([])
        let handle = try manager.launch(strategy: RunTestRandomStrategy(space: RunTestSpace(), seed: 5),
                                        space: RunTestSpace(), evaluator: evaluator,
                                        settings: RunSettings(budget: .trials(20), seed: 3),
                                        onEvent: { event in events.withLock { $0.append(event) } })
        let progress = handle.wait()
        #expect(progress.status == .done)
        #expect(progress.trials == 20)
        // A finished run of this process is never taken for an interrupted one.
        #expect(try manager.markInterruptedRuns().isEmpty)
        let trials = try store.trials(run: handle.id)
        #expect(trials.map(\.sequence) == Array(1...20))
        #expect(trials.allSatisfy { $0.status == .done })
        for trial in trials {
            #expect(trial.metrics["accuracy"] == RunTestEvaluator.accuracy(trial.tokens, seed: 3))
            #expect(trial.score == trial.metrics["accuracy"])
            #expect(trial.architecture == RunTestSpace().canonical(Architecture(space: "tiny", tokens: trial.tokens)))
        }
        // Identical work is done once: each distinct architecture is evaluated once, the rest come from the cache.
        let distinct = Set(trials.map(\.tokens)).count
        #expect(distinct < 20)
        #expect(evaluator.evaluations == distinct)
        #expect(trials.filter(\.cached).count == 20 - distinct)
        #expect(trials.filter(\.cached).allSatisfy { $0.wallSeconds == 0 })
        let finishedEvents = events.withLock { $0 }.filter { if case .trialFinished = $0 { return true } else { return false } }
        #expect(finishedEvents.count == 20)
        #expect(try store.run(handle.id)?.status == .done)
        #expect(progress.bestValue == trials.compactMap { $0.metrics["accuracy"] }.max())
    }

    @Test("a second run of the same work comes entirely from the cache")
    func cacheAcrossRuns() throws {
        let store = try makeRunTestStore()
        let manager = RunManager(store: store)
        let first = RunTestEvaluator()
        try manager.launch(strategy: RunTestRandomStrategy(space: RunTestSpace(), seed: 9), space: RunTestSpace(),
                           evaluator: first, settings: RunSettings(budget: .trials(12), seed: 1)).wait()
        let second = RunTestEvaluator()
        let handle = try manager.launch(strategy: RunTestRandomStrategy(space: RunTestSpace(), seed: 9),
                                        space: RunTestSpace(), evaluator: second,
                                        settings: RunSettings(budget: .trials(12), seed: 1))
        handle.wait()
        #expect(second.evaluations == 0)
        #expect(try store.trials(run: handle.id).allSatisfy(\.cached))
        // A different seed is different work.
        let third = RunTestEvaluator()
        try manager.launch(strategy: RunTestRandomStrategy(space: RunTestSpace(), seed: 9), space: RunTestSpace(),
                           evaluator: third, settings: RunSettings(budget: .trials(12), seed: 2)).wait()
        #expect(third.evaluations > 0)
    }

    @Test("a cancelled run resumes to the same trials as an uninterrupted one")
    func cancelAndResume() throws {
        let store = try makeRunTestStore()
        let manager = RunManager(store: store)
        let space = NB201Space()
        let reference = try manager.launch(strategy: RunTestRandomStrategy(space: space, seed: 11), space: space,
                                           evaluator: RunTestEvaluator(), settings: RunSettings(budget: .trials(30), seed: 4))
        reference.wait()
        let otherStore = try makeRunTestStore()
        let otherManager = RunManager(store: otherStore)
        let handle = try otherManager.launch(strategy: RunTestRandomStrategy(space: space, seed: 11), space: space,
                                             evaluator: RunTestEvaluator(delay: 0.01),
                                             settings: RunSettings(budget: .trials(30), seed: 4))
        while handle.progress.trials < 5 { Thread.sleep(forTimeInterval: 0.005) }
        handle.cancel()
        let stopped = handle.wait()
        #expect(stopped.status == .cancelled)
        #expect(stopped.trials < 30)
        #expect(try otherStore.run(handle.id)?.status == .cancelled)
        let resumed = try otherManager.resume(handle.id, strategy: RunTestRandomStrategy(space: space, seed: 11),
                                              space: space, evaluator: RunTestEvaluator())
        #expect(resumed.wait().status == .done)
        let expected = try store.trials(run: reference.id)
        let got = try otherStore.trials(run: handle.id)
        #expect(got.map(\.sequence) == Array(1...30))
        #expect(got.map(\.architecture) == expected.map(\.architecture))
        #expect(got.map(\.metrics) == expected.map(\.metrics))
        #expect(got.allSatisfy { $0.status == .done })
    }

    @Test("a simulated-time budget stops once the evaluator's charged seconds reach it")
    func simulatedBudget() throws {
        let store = try makeRunTestStore()
        let handle = try RunManager(store: store).launch(
            strategy: RunTestRandomStrategy(space: NB201Space(), seed: 1), space: NB201Space(),
            evaluator: RunTestEvaluator(), settings: RunSettings(budget: .simulated(95), seed: 0))
        let progress = handle.wait()
        // 10 simulated seconds per trial: 9 trials reach 90 < 95, the 10th reaches 100.
        #expect(progress.trials == 10)
        #expect(progress.simulatedSeconds == 100)
        #expect(progress.fractionSpent == 1)
    }

    @Test("a wall-clock budget stops the run after its seconds")
    func wallBudget() throws {
        let store = try makeRunTestStore()
        let handle = try RunManager(store: store).launch(
            strategy: RunTestRandomStrategy(space: NB201Space(), seed: 1), space: NB201Space(),
            evaluator: RunTestEvaluator(delay: 0.02), settings: RunSettings(budget: .wall(0.1), seed: 0))
        let progress = handle.wait()
        #expect(progress.status == .done, "\(progress.error ?? "")")
        #expect(progress.wallSeconds >= 0.1)
        #expect(progress.trials >= 1)
        #expect(try store.checkpoint(run: handle.id).spentWallSeconds == progress.wallSeconds)
    }

    @Test("a minimised objective scores the negated metric and best() picks the smallest")
    func minimisedObjective() throws {
        let store = try makeRunTestStore()
        let handle = try RunManager(store: store).launch(
            strategy: RunTestRandomStrategy(space: NB201Space(), seed: 2), space: NB201Space(),
            evaluator: RunTestEvaluator(),
            settings: RunSettings(objective: .minimize("latency"), budget: .trials(15), seed: 0))
        let progress = handle.wait()
        let trials = try store.trials(run: handle.id)
        #expect(progress.status == .done, "\(progress.error ?? "")")
        #expect(trials.allSatisfy { $0.score.map { -$0 } == $0.metrics["latency"] })
        let smallest = try #require(trials.compactMap { $0.metrics["latency"] }.min())
        #expect(progress.bestValue == smallest)
        let best = try store.best(run: handle.id, by: nil, maximise: nil)
        #expect(best.count == 1)
        #expect(best.column("latency")?.first?.doubleValue == smallest)
        // The runs table shows the best value of a minimised objective as the smallest metric.
        #expect(try store.runsTable(query: .all).column("best") == [.number(.scalar(smallest))])
    }

    @Test("failed evaluations are recorded with their error and the lowest score")
    func failedTrials() throws {
        let store = try makeRunTestStore()
        let failing: Set<[Int]> = [[0, 0], [1, 1], [2, 2]]
        let handle = try RunManager(store: store).launch(
            strategy: RunTestRandomStrategy(space: RunTestSpace(), seed: 3), space: RunTestSpace(),
            evaluator: RunTestEvaluator(failing: failing), settings: RunSettings(budget: .trials(25), seed: 0))
        let progress = handle.wait()
        #expect(progress.status == .done, "\(progress.error ?? "")")
        let trials = try store.trials(run: handle.id)
        let failed = trials.filter { failing.contains($0.tokens) }
        #expect(!failed.isEmpty)
        #expect(failed.allSatisfy { $0.status == .failed && $0.error == "synthetic failure" && $0.score == -.infinity })
        #expect(progress.failed == failed.count)
        #expect(trials.filter { !failing.contains($0.tokens) }.allSatisfy { $0.status == .done })
    }

    @Test("a strategy that finishes ends the run before its budget")
    func strategyFinishes() throws {
        let store = try makeRunTestStore()
        let handle = try RunManager(store: store).launch(
            strategy: RunTestRandomStrategy(space: NB201Space(), seed: 3, limit: 6), space: NB201Space(),
            evaluator: RunTestEvaluator(), settings: RunSettings(budget: .trials(100), seed: 0))
        let progress = handle.wait()
        #expect(progress.status == .done)
        #expect(progress.trials == 6)
    }

    @Test("resume refuses finished runs and a different strategy or evaluator")
    func resumeChecks() throws {
        let store = try makeRunTestStore()
        let manager = RunManager(store: store)
        let space = NB201Space()
        let handle = try manager.launch(strategy: RunTestRandomStrategy(space: space, seed: 3), space: space,
                                        evaluator: RunTestEvaluator(delay: 0.01), settings: RunSettings(budget: .trials(200)))
        handle.cancel()
        handle.wait()
        #expect(throws: RunError.self) {
            try manager.resume(handle.id, strategy: RunTestRandomStrategy(space: space, seed: 4), space: space,
                               evaluator: RunTestEvaluator())
        }
        let done = try manager.launch(strategy: RunTestRandomStrategy(space: space, seed: 3), space: space,
                                      evaluator: RunTestEvaluator(), settings: RunSettings(budget: .trials(2)))
        done.wait()
        #expect(throws: RunError.notResumable(done.id, .done)) {
            try manager.resume(done.id, strategy: RunTestRandomStrategy(space: space, seed: 3), space: space,
                               evaluator: RunTestEvaluator())
        }
        #expect(throws: RunError.noSuchRun(999)) {
            try manager.resume(999, strategy: RunTestRandomStrategy(space: space, seed: 3), space: space,
                               evaluator: RunTestEvaluator())
        }
    }

    @Test("a run on the calling thread has finished when launch returns; a given token cancels it")
    func callingThread() throws {
        let store = try makeRunTestStore()
        let manager = RunManager(store: store)
        let handle = try manager.launch(strategy: RunTestRandomStrategy(space: NB201Space(), seed: 1), space: NB201Space(),
                                        evaluator: RunTestEvaluator(), settings: RunSettings(budget: .trials(5)),
                                        execution: .callingThread)
        #expect(handle.isFinished)
        #expect(handle.progress.trials == 5)
        let token = CancellationToken()
        token.cancel()
        let cancelled = try manager.launch(strategy: RunTestRandomStrategy(space: NB201Space(), seed: 1), space: NB201Space(),
                                           evaluator: RunTestEvaluator(), settings: RunSettings(budget: .trials(5)),
                                           execution: .callingThread, token: token)
        #expect(cancelled.progress.status == .cancelled)
        #expect(cancelled.progress.trials == 0)
    }

    @Test("the progress line says where the run stands")
    func progressLine() {
        var tally = LoopTally()
        for i in 0..<12 {
            tally.count(score: i == 4 ? 0.9312 : 0.5, fidelity: .full, simulatedSeconds: 0, failed: false, cached: i < 2)
        }
        let progress = RunProgress(runID: 3, status: .running, budget: .trials(60), objective: .maximize(), tally: tally)
        #expect(progress.line == "run 3 running: 12/60 trials, best accuracy 93.12%, 2 cached")
        #expect(progress.fractionSpent == 0.2)
    }
}
