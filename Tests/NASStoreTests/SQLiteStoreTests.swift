import Foundation
import NASCore
import NASSpaces
import NASStore
import Testing

@Suite("SQLite store")
struct SQLiteStoreTests {
    @Test("runs and trials read back as written, after reopening the file")
    func roundTrip() throws {
        let store = try StoreFixture.store()
        let run = StoreFixture.run(seed: 42)
        let id = try store.createRun(run)
        let trials = StoreFixture.trials(run: id, count: 30, seed: 42)
        try store.insertFinishedTrials(trials)
        let reopened = try SQLiteStore(path: store.path)
        let readRun = try #require(try reopened.run(id))
        #expect(readRun.strategy == run.strategy)
        #expect(readRun.strategySettings == run.strategySettings)
        #expect(readRun.budget == run.budget)
        #expect(readRun.seed == 42)
        #expect(readRun.script == run.script)
        #expect(readRun.status == .running)
        let read = try reopened.trials(run: id)
        #expect(read.count == 30)
        for (a, b) in zip(read, trials) {
            #expect(a.sequence == b.sequence)
            #expect(a.tokens == b.tokens)
            #expect(a.metrics == b.metrics)
            #expect(a.curve == b.curve)
            #expect(a.status == b.status)
            #expect(a.error == b.error)
            #expect(a.score == b.score)
            #expect(a.fidelity == b.fidelity)
            #expect(a.cacheKey == b.cacheKey)
        }
    }

    @Test("the file is in WAL mode (file format header bytes 18 and 19 are 2)")
    func walMode() throws {
        let store = try StoreFixture.store()
        let header = try #require(FileManager.default.contents(atPath: store.path))
        #expect(header.count >= 100)
        #expect(header[18] == 2 && header[19] == 2)
    }

    @Test("non-finite metrics survive the round trip")
    func nonFinite() throws {
        let store = try StoreFixture.store()
        let id = try store.createRun(StoreFixture.run())
        var trial = StoreFixture.trials(run: id, count: 1, seed: 1)[0]
        trial.metrics = ["loss": .nan, "accuracy": 0.5, "ratio": .infinity, "odd \"name\"\\": 1, "top-1 err.rate": 0.25]
        try store.insertFinishedTrials([trial])
        let read = try #require(try store.trials(run: id).first)
        #expect(read.metrics["odd \"name\"\\"] == 1)
        let rate = try store.trialsTable(run: id, query: TableQuery(filter: .compare("top-1 err.rate", .less, .number(.scalar(0.3))),
                                                                     columns: ["top-1 err.rate", "loss", "ratio"]))
        #expect(rate.rows.count == 1)
        #expect(rate.rows.first?[0] == .number(.scalar(0.25)))
        #expect(rate.rows.first?[1].doubleValue?.isNaN == true)
        #expect(rate.rows.first?[2].doubleValue == .infinity)
        #expect(read.metrics["loss"]?.isNaN == true)
        #expect(read.metrics["ratio"] == .infinity)
        #expect(read.metrics["accuracy"] == 0.5)
    }

    @Test("a trial is recorded as running, then finished together with the run's checkpoint")
    func startAndFinish() throws {
        let store = try StoreFixture.store()
        let id = try store.createRun(StoreFixture.run())
        var trial = TrialRecord(runID: id, sequence: 1, architecture: "a", identity: "a", tokens: [1], fidelity: .full,
                                seed: 1, cacheKey: "k1")
        trial.id = try store.startTrial(trial)
        #expect(try store.trials(run: id).first?.status == .running)
        #expect(try store.checkpoint(run: id) == .empty)
        trial.record(TrialResult(metrics: ["accuracy": 0.7], wallSeconds: 2), score: 0.7, cached: false)
        let checkpoint = RunCheckpoint(strategyState: Data([1, 2, 3]), lastSequence: 1, spentWallSeconds: 2.5)
        try store.finishTrial(trial, checkpoint: checkpoint)
        #expect(try store.trials(run: id).first == trial)
        #expect(try store.checkpoint(run: id) == checkpoint)
        // The names of its metrics become columns of the run's trials table.
        #expect(try store.trialsTable(run: id, query: .all).columns.contains("accuracy"))
    }

    @Test("discarding trials after a sequence number removes only those")
    func discard() throws {
        let store = try StoreFixture.store()
        let id = try store.createRun(StoreFixture.run())
        try store.insertFinishedTrials(StoreFixture.trials(run: id, count: 10, seed: 3))
        #expect(try store.discardTrials(run: id, after: 6) == 4)
        #expect(try store.trials(run: id).map(\.sequence) == Array(1...6))
    }

    @Test("the cache returns a done result for the same key, never a failed one")
    func cache() throws {
        let store = try StoreFixture.store()
        let id = try store.createRun(StoreFixture.run())
        let trials = StoreFixture.trials(run: id, count: 14, seed: 5)
        try store.insertFinishedTrials(trials)
        let done = trials[0]
        #expect(try store.cachedResult(forKey: done.cacheKey) == done.result)
        let failed = trials[6]
        #expect(failed.status == .failed)
        #expect(try store.cachedResult(forKey: failed.cacheKey) == nil)
        #expect(try store.cachedResult(forKey: "no such key") == nil)
    }

    @Test("run status changes record the end time; unknown runs are reported")
    func runStatus() throws {
        let store = try StoreFixture.store()
        let id = try store.createRun(StoreFixture.run())
        try store.setRunStatus(id, .failed, error: "evaluator exploded")
        let run = try #require(try store.run(id))
        #expect(run.status == .failed)
        #expect(run.error == "evaluator exploded")
        #expect(run.finishedAt != nil)
        #expect(throws: StoreError.noSuchRun(77)) { try store.setRunStatus(77, .done, error: nil) }
        #expect(try store.run(77) == nil)
    }

    @Test("datasets and evaluators are recorded once per description")
    func descriptions() throws {
        let store = try StoreFixture.store()
        let a = try store.registerDataset(name: "fashion-mnist", description: "fashion-mnist train=10k valid=2k seed=1")
        let b = try store.registerDataset(name: "fashion-mnist", description: "fashion-mnist train=10k valid=2k seed=1")
        let c = try store.registerDataset(name: "fashion-mnist", description: "fashion-mnist train=20k valid=2k seed=1")
        #expect(a == b)
        #expect(a != c)
        let e1 = try store.registerEvaluator(descriptor: "nb201(cifar10, 200 epochs)")
        #expect(try store.registerEvaluator(descriptor: "nb201(cifar10, 200 epochs)") == e1)
        // Creating a run with that descriptor reuses the evaluator's row.
        _ = try store.createRun(RunRecord(strategy: "r", space: "nb201", evaluator: "nb201(cifar10, 200 epochs)",
                                          budget: .trials(1), seed: 0))
        #expect(try store.sql("SELECT COUNT(*) AS n FROM evaluators").rows[0][0].doubleValue == 1)
    }

    @Test("latency tables keep one row per entry; the latest of a name wins")
    func latencyTables() throws {
        let store = try StoreFixture.store()
        let info = LatencyTableInfo(name: "nb201-cpu", device: "cpu", batch: 1, threads: 2, engineVersion: "0.1")
        try store.saveLatencyTable(info, entries: ["a": 0.002, "b": 0.004, "c": 0.001])
        try store.saveLatencyTable(info, entries: ["a": 0.003, "b": 0.005])
        #expect(try store.latencyEntries("nb201-cpu") == ["a": 0.003, "b": 0.005])
        let fast = try store.latencyTable("nb201-cpu", query: TableQuery(filter: .compare("latency", .less, .number(.seconds(0.004))),
                                                                         sort: [TableSort("latency")]))
        #expect(fast.columns == ["key", "latency", "cv"])
        #expect(fast.rows.map { Array($0.prefix(2)) } == [[.string("a"), .number(.seconds(0.003))]])
        let listing = try store.latencyTables()
        #expect(listing.count == 2)
        #expect(listing.column("entries")?.compactMap(\.doubleValue) == [3, 2])
        #expect(throws: StoreError.noSuchLatencyTable("gpu", available: ["nb201-cpu"])) {
            try store.latencyEntries("gpu")
        }
    }
}
