import Foundation
import NASCore
import NASSpaces
import NASStore
import Testing

extension PostgresSuites {
    /// The store protocol's behaviour, the same on SQLite and PostgreSQL.
    @Suite("Store contract") struct StoreContractTests {
        @Test("runs and trials read back as written, after reopening the store", arguments: StoreKind.allCases)
        func roundTrip(kind: StoreKind) throws {
            guard let (store, location) = try kind.freshStore() else { return }
            let run = StoreFixture.run(seed: 42)
            let id = try store.createRun(run)
            let trials = StoreFixture.trials(run: id, count: 1200, seed: 42)   // more than one bulk INSERT batch
            #expect(try store.insertFinishedTrials(trials) == 1200)
            let reopened = try location.open()
            let readRun = try #require(try reopened.run(id))
            #expect(readRun.id == id)
            #expect(readRun.strategySettings == run.strategySettings)
            #expect(readRun.budget == run.budget && readRun.seed == 42 && readRun.script == run.script)
            #expect(readRun.createdAt.timeIntervalSince1970 == run.createdAt.timeIntervalSince1970)
            #expect(readRun.status == .running && readRun.maximise)
            let read = try reopened.trials(run: id)
            #expect(read.count == 1200)
            for (a, b) in zip(read, trials) {
                #expect(a.sequence == b.sequence && a.tokens == b.tokens && a.metrics == b.metrics && a.curve == b.curve)
                #expect(a.status == b.status && a.error == b.error && a.score == b.score && a.fidelity == b.fidelity)
                #expect(a.cacheKey == b.cacheKey && a.seed == b.seed && a.architecture == b.architecture)
            }
            #expect(try reopened.allRuns().map(\.id) == [id])
        }

        @Test("non-finite metrics and odd metric names survive the round trip and filter", arguments: StoreKind.allCases)
        func nonFinite(kind: StoreKind) throws {
            guard let (store, _) = try kind.freshStore() else { return }
            let id = try store.createRun(StoreFixture.run())
            var trial = StoreFixture.trials(run: id, count: 1, seed: 1)[0]
            trial.metrics = ["loss": .nan, "accuracy": 0.5, "ratio": .infinity, "odd \"name\"\\": 1, "top-1 err.rate": 0.25]
            try store.insertFinishedTrials([trial])
            let read = try #require(try store.trials(run: id).first)
            #expect(read.metrics["odd \"name\"\\"] == 1 && read.metrics["loss"]?.isNaN == true && read.metrics["ratio"] == .infinity)
            let query = TableQuery(filter: .compare("top-1 err.rate", .less, .number(.scalar(0.3))),
                                   columns: ["top-1 err.rate", "loss", "ratio"])
            let rate = try store.trialsTable(run: id, query: query)
            #expect(rate.rows.count == 1)
            #expect(rate.rows.first?[0] == .number(.scalar(0.25)))
            #expect(rate.rows.first?[1].doubleValue?.isNaN == true)
            #expect(rate.rows.first?[2].doubleValue == .infinity)
            // NaN is missing for comparisons, as SQLite stores it: `loss > 0` keeps no row.
            #expect(try store.trialsTable(run: id, query: TableQuery(filter: .compare("loss", .greater, .number(.scalar(0))))).rows.isEmpty)
        }

        @Test("a trial is recorded running, then finished together with the run's checkpoint", arguments: StoreKind.allCases)
        func startAndFinish(kind: StoreKind) throws {
            guard let (store, _) = try kind.freshStore() else { return }
            let id = try store.createRun(StoreFixture.run())
            var trial = StoreFixture.trials(run: id, count: 1, seed: 3)[0]
            let metrics = trial.metrics
            trial.status = .running
            trial.metrics = [:]
            let trialID = try store.startTrial(trial)
            #expect(trialID > 0)
            #expect(try store.trials(run: id).first?.status == .running)
            trial.status = .done
            trial.metrics = metrics
            let state = Data([0, 1, 2, 255, 0x5C, 0x78])   // bytes that text encodings would mangle
            try store.finishTrial(trial, checkpoint: RunCheckpoint(strategyState: state, lastSequence: 1, spentWallSeconds: 2.5))
            let read = try #require(try store.trials(run: id).first)
            #expect(read.status == .done && read.metrics == metrics && read.id == trialID)
            let checkpoint = try store.checkpoint(run: id)
            #expect(checkpoint.strategyState == state && checkpoint.lastSequence == 1 && checkpoint.spentWallSeconds == 2.5)
            var never = trial
            never.sequence = 99
            #expect(throws: StoreError.self) { try store.finishTrial(never, checkpoint: nil) }
        }

        @Test("discarding trials after a sequence number removes only those", arguments: StoreKind.allCases)
        func discard(kind: StoreKind) throws {
            guard let (store, _) = try kind.freshStore() else { return }
            let id = try store.createRun(StoreFixture.run())
            try store.insertFinishedTrials(StoreFixture.trials(run: id, count: 10, seed: 2))
            #expect(try store.discardTrials(run: id, after: 6) == 4)
            #expect(try store.trials(run: id).map(\.sequence) == Array(1...6))
        }

        @Test("the cache returns a done result for the same key, never a failed one, for one key or a batch", arguments: StoreKind.allCases)
        func cache(kind: StoreKind) throws {
            guard let (store, _) = try kind.freshStore() else { return }
            let id = try store.createRun(StoreFixture.run())
            let trials = StoreFixture.trials(run: id, count: 7, seed: 5)
            try store.insertFinishedTrials(trials)
            #expect(try store.cachedResult(forKey: trials[0].cacheKey)?.metrics == trials[0].metrics)
            #expect(try store.cachedResult(forKey: trials[6].cacheKey) == nil)   // the 7th failed
            #expect(try store.cachedResult(forKey: "no such key") == nil)
            let keys = [trials[2].cacheKey, "no such key", trials[6].cacheKey, trials[1].cacheKey, trials[2].cacheKey]
            let found = try store.cachedResults(forKeys: keys)
            #expect(found == [trials[2].cacheKey: trials[2].result, trials[1].cacheKey: trials[1].result], "a batch's keys in one read")
        }

        @Test("run status changes and claims record the end time and owner; unknown runs are reported", arguments: StoreKind.allCases)
        func runStatus(kind: StoreKind) throws {
            guard let (store, _) = try kind.freshStore() else { return }
            let id = try store.createRun(StoreFixture.run())
            try store.setRunStatus(id, .failed, error: "out of memory")
            let failed = try #require(try store.run(id))
            #expect(failed.status == .failed && failed.error == "out of memory" && failed.finishedAt != nil)
            try store.claimRun(id, owner: "host:42")
            let claimed = try #require(try store.run(id))
            #expect(claimed.status == .running && claimed.owner == "host:42" && claimed.finishedAt == nil && claimed.error == nil)
            #expect(throws: StoreError.noSuchRun(999)) { try store.setRunStatus(999, .done, error: nil) }
            #expect(throws: StoreError.noSuchRun(999)) { try store.claimRun(999, owner: "x") }
            #expect(throws: StoreError.noSuchRun(999)) { try store.checkpoint(run: 999) }
            #expect(throws: StoreError.noSuchRun(999)) { try store.trialsTable(run: 999, query: .all) }
            #expect(try store.run(999) == nil)
        }

        @Test("datasets and evaluators are recorded once per description", arguments: StoreKind.allCases)
        func descriptions(kind: StoreKind) throws {
            guard let (store, _) = try kind.freshStore() else { return }
            let a = try store.registerDataset(name: "cifar10", description: "cifar10 v1")
            #expect(try store.registerDataset(name: "cifar10 again", description: "cifar10 v1") == a)
            #expect(try store.registerDataset(name: "cifar10", description: "cifar10 v2") != a)
            let e = try store.registerEvaluator(descriptor: "synthetic(v1)")
            #expect(try store.registerEvaluator(descriptor: "synthetic(v1)") == e)
            _ = try store.createRun(StoreFixture.run())   // its evaluator is synthetic(v1): no second row
            #expect(try store.sql("SELECT COUNT(*) AS n FROM evaluators").rows.map { $0[0].doubleValue } == [1])
        }

        @Test("latency tables keep one row per entry with its cv; the latest of a name wins", arguments: StoreKind.allCases)
        func latency(kind: StoreKind) throws {
            guard let (store, _) = try kind.freshStore() else { return }
            let info = LatencyTableInfo(name: "cpu", device: "test", batch: 1, threads: 2, engineVersion: "1")
            try store.saveLatencyTable(info, entries: ["a": 0.001, "b": 0.002])
            let entries = (0..<1500).map { LatencyTableEntry(key: "k\($0)", seconds: Double($0) * 1e-6, cv: 0.01) }
            try store.saveLatencyTable(info, rows: entries)
            #expect(try store.latencyEntries("cpu").count == 1500)
            let contents = try store.latencyTableContents("cpu")
            #expect(contents.info.threads == 2 && contents.rows.count == 1500 && contents.rows.first?.cv == 0.01)
            #expect(contents.rows.map(\.key) == entries.map(\.key).sorted())
            #expect(try store.latencyTables().rows.count == 2)
            #expect(throws: StoreError.noSuchLatencyTable("gpu", available: ["cpu"])) { try store.latencyEntries("gpu") }
        }

        @Test("sql() refuses statements that write, several statements, and leaves the store unchanged", arguments: StoreKind.allCases)
        func readOnly(kind: StoreKind) throws {
            guard let (store, _) = try kind.freshStore() else { return }
            let id = try store.createRun(StoreFixture.run())
            for text in ["DELETE FROM runs", "SELECT 1; DELETE FROM runs", "WITH d AS (DELETE FROM runs RETURNING id) SELECT * FROM d",
                         "update runs set status = 'x'"] {
                #expect(throws: StoreError.self, "\(text)") { try store.sql(text) }
            }
            #expect(try store.run(id)?.status == .running)
            #expect(try store.sql("SELECT id FROM runs").rows.map { $0[0].doubleValue } == [Double(id)])
        }
    }
}
