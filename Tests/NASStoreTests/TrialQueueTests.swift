import Foundation
import NASCore
import NASSpaces
import NASStore
import Synchronization
import Testing

extension PostgresSuites {
/// The trial queue, the same on SQLite and PostgreSQL: claims, leases, heartbeats, completion and release.
@Suite("Trial queue") struct TrialQueueTests {
    /// A store of `kind` with one running run and `count` pending trials; returns the store and the
    /// run's id (nil when PostgreSQL is not here and not required).
    private func queue(_ count: Int, _ kind: StoreKind) throws -> (any ExperimentStore, Int64)? {
        guard let (store, _) = try kind.freshStore() else { return nil }
        let run = try store.createRun(StoreFixture.run())
        for var trial in StoreFixture.trials(run: run, count: count, seed: 1) {
            trial.status = .pending
            trial.metrics = [:]
            trial.score = nil
            trial.error = nil
            _ = try store.startTrial(trial)
        }
        return (store, run)
    }

    @Test("threads claiming at once never get the same trial, and together get every one exactly once", arguments: StoreKind.allCases)
    func concurrentClaims(kind: StoreKind) throws {
        guard let (store, run) = try queue(60, kind) else { return }
        let claimed = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { worker in
            while true {
                let batch = (try? store.claimTrials(worker: "w\(worker)", limit: 2, runs: nil, lease: 60, now: 1000)) ?? []
                if batch.isEmpty { break }
                claimed.withLock { $0 += batch.map(\.sequence) }
            }
        }
        let all = claimed.withLock { $0 }
        #expect(all.count == 60)
        #expect(Set(all) == Set(1...60))
        #expect(try store.trials(run: run).allSatisfy { $0.status == .claimed })
        #expect(try store.sql("SELECT COUNT(*) FROM trials WHERE attempts = 1").rows[0][0].doubleValue == 60)
    }

    @Test("workers on connections of their own (processes, machines) never claim the same trial", arguments: StoreKind.allCases)
    func concurrentClaimsOverConnections(kind: StoreKind) throws {
        guard let (store, location) = try kind.freshStore() else { return }
        let run = try store.createRun(StoreFixture.run())
        for var trial in StoreFixture.trials(run: run, count: 80, seed: 2) {
            trial.status = .pending
            _ = try store.startTrial(trial)
        }
        let workers = try (0..<6).map { _ in try location.open() }
        let claimed = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: workers.count) { w in
            while true {
                let batch = (try? workers[w].claimTrials(worker: "w\(w)", limit: 3, runs: [run], lease: 60, now: 1000)) ?? []
                if batch.isEmpty { break }
                claimed.withLock { $0 += batch.map(\.sequence) }
            }
        }
        let all = claimed.withLock { $0 }
        #expect(all.count == 80 && Set(all) == Set(1...80))
        let perWorker = try store.sql("SELECT worker, COUNT(*) AS n FROM trials GROUP BY worker")
        #expect(perWorker.rows.count >= 1)
    }

    @Test("a claim takes the lowest pending sequence numbers, sets the worker, lease and attempt", arguments: StoreKind.allCases)
    func claimOrder(kind: StoreKind) throws {
        guard let (store, run) = try queue(5, kind) else { return }
        let first = try store.claimTrials(worker: "a", limit: 2, runs: [run], lease: 30, now: 100)
        #expect(first.map(\.sequence) == [1, 2])
        #expect(first.allSatisfy { $0.status == .claimed })
        let second = try store.claimTrials(worker: "b", limit: 10, runs: [run], lease: 30, now: 100)
        #expect(second.map(\.sequence) == [3, 4, 5])
        #expect(try store.claimTrials(worker: "c", limit: 10, runs: nil, lease: 30, now: 100).isEmpty)
        #expect(try store.claimTrials(worker: "c", limit: 10, runs: [run + 1], lease: 30, now: 100).isEmpty)
    }

    @Test("a lease that runs out puts the trial back, and another worker claims it again", arguments: StoreKind.allCases)
    func expiredLease(kind: StoreKind) throws {
        guard let (store, run) = try queue(1, kind) else { return }
        #expect(try store.claimTrials(worker: "dead", limit: 1, runs: [run], lease: 10, now: 100).count == 1)
        #expect(try store.claimTrials(worker: "b", limit: 1, runs: [run], lease: 10, now: 109).isEmpty)
        let again = try store.claimTrials(worker: "b", limit: 1, runs: [run], lease: 10, now: 111)
        #expect(again.map(\.sequence) == [1])
        #expect(try store.sql("SELECT attempts FROM trials").rows[0][0].doubleValue == 2)
    }

    @Test("a heartbeat keeps a claim past its first lease", arguments: StoreKind.allCases)
    func heartbeat(kind: StoreKind) throws {
        guard let (store, run) = try queue(1, kind) else { return }
        _ = try store.claimTrials(worker: "a", limit: 1, runs: [run], lease: 10, now: 100)
        #expect(try store.renewLeases(worker: "a", lease: 10, now: 108) == 1)
        #expect(try store.claimTrials(worker: "b", limit: 1, runs: [run], lease: 10, now: 115).isEmpty)
        #expect(try store.renewLeases(worker: "b", lease: 10, now: 115) == 0)
    }

    @Test("a result is written once: by the holder only, never after another worker took the trial over", arguments: StoreKind.allCases)
    func completeOnce(kind: StoreKind) throws {
        guard let (store, run) = try queue(1, kind) else { return }
        var trial = try store.claimTrials(worker: "a", limit: 1, runs: [run], lease: 10, now: 100)[0]
        trial.record(TrialResult(status: .done, metrics: ["accuracy": 0.5]), score: nil, cached: false)
        // Worker a is slow: its lease runs out and b takes the trial.
        var taken = try store.claimTrials(worker: "b", limit: 1, runs: [run], lease: 10, now: 200)[0]
        #expect(try store.completeTrial(trial, worker: "a") == false)
        taken.record(TrialResult(status: .done, metrics: ["accuracy": 0.75]), score: nil, cached: false)
        #expect(try store.completeTrial(taken, worker: "b"))
        #expect(try store.completeTrial(taken, worker: "b") == false)
        let rows = try store.trials(run: run)
        #expect(rows.count == 1)
        #expect(rows[0].status == .done)
        #expect(rows[0].metrics["accuracy"] == 0.75)
    }

    @Test("a batch of completions writes the holder's results and drops, trial by trial, those another worker took over",
          arguments: StoreKind.allCases)
    func completeBatch(kind: StoreKind) throws {
        guard let (store, run) = try queue(4, kind) else { return }
        // a claims 1 and 2, its lease runs out and b takes them over; then a claims 3 and 4.
        var held = try store.claimTrials(worker: "a", limit: 2, runs: [run], lease: 10, now: 100)
        let taken = try store.claimTrials(worker: "b", limit: 2, runs: [run], lease: 10, now: 200)
        #expect(taken.map(\.sequence) == [1, 2])
        held += try store.claimTrials(worker: "a", limit: 2, runs: [run], lease: 10, now: 200)
        #expect(held.map(\.sequence) == [1, 2, 3, 4])
        for index in held.indices {
            held[index].record(TrialResult(status: .done, metrics: ["accuracy": Double(index) / 10, "params": 7]), score: nil, cached: false)
        }
        let written = try store.completeTrials(held, worker: "a")
        #expect(written == Set(held.suffix(2).map(\.id)), "only the trials a still holds (3 and 4)")
        #expect(try store.completeTrials(held, worker: "a").isEmpty, "a result is written once")
        let rows = try store.trials(run: run)
        #expect(rows.map(\.status) == [.claimed, .claimed, .done, .done])
        #expect(rows[3].metrics == ["accuracy": 0.3, "params": 7])
        let names = try store.sql("SELECT name FROM run_metrics WHERE run_id = \(run) ORDER BY name").rows.map { $0[0].stringValue }
        #expect(names == ["accuracy", "params"])
    }

    @Test("a batch is queued in one call with its ids in order, and told in one call with the checkpoint after its last trial",
          arguments: StoreKind.allCases)
    func startAndFinishBatch(kind: StoreKind) throws {
        guard let (store, _) = try kind.freshStore() else { return }
        let run = try store.createRun(StoreFixture.run())
        let batch = StoreFixture.trials(run: run, count: 5, seed: 3).map { trial -> TrialRecord in
            var pending = trial
            pending.status = .pending
            pending.metrics = [:]
            pending.score = nil
            return pending
        }
        let ids = try store.startTrials(batch)
        let rows = try store.trials(run: run)
        #expect(ids == rows.map(\.id) && Set(ids).count == 5, "ids in the order of the trials given")
        #expect(rows.allSatisfy { $0.status == .pending })
        #expect(try store.startTrials([]).isEmpty)
        var told = StoreFixture.trials(run: run, count: 5, seed: 3)
        for index in told.indices { told[index].id = ids[index] }
        try store.finishTrials(Array(told.prefix(3)), checkpoint: nil)
        #expect(try store.checkpoint(run: run).lastSequence == 0)
        let state = Data("after 5".utf8)
        try store.finishTrials(Array(told.suffix(2)), checkpoint: RunCheckpoint(strategyState: state, lastSequence: 5, spentWallSeconds: 2))
        let checkpoint = try store.checkpoint(run: run)
        #expect(checkpoint.lastSequence == 5 && checkpoint.strategyState == state && checkpoint.spentWallSeconds == 2)
        #expect(try store.trials(run: run).map(\.metrics) == told.map(\.metrics))
        var stranger = told[0]
        stranger.sequence = 99
        #expect(throws: StoreError.self) { try store.finishTrials([told[1], stranger], checkpoint: nil) }
    }

    @Test("a PostgreSQL store's doorbells ring when another connection queues and completes trials; SQLite has none (its waiters poll)",
          arguments: StoreKind.allCases)
    func doorbell(kind: StoreKind) throws {
        guard let (store, location) = try kind.freshStore() else { return }
        guard let bell = store.queuedDoorbell, let done = store.completedDoorbell else {
            #expect(kind == .sqlite && store.completedDoorbell == nil)
            return
        }
        // The listener rings once it is connected and listening.
        let deadline = Date().addingTimeInterval(10)
        while bell.generation == 0, Date() < deadline { bell.wait(after: 0, timeout: 0.1) }
        #expect(bell.generation > 0, "the listener connected")
        let other = try location.open()
        let run = try other.createRun(StoreFixture.run())
        let before = bell.generation
        var trial = StoreFixture.trials(run: run, count: 1, seed: 4)[0]
        trial.status = .pending
        let queued = Date()
        _ = try other.startTrials([trial])
        bell.wait(after: before, timeout: 5)
        #expect(bell.generation > before && Date().timeIntervalSince(queued) < 5, "rung by the other connection's NOTIFY")
        let (queuedRings, doneRings) = (bell.generation, done.generation)
        var claimed = try other.claimTrials(worker: "w", limit: 1, runs: [run], lease: 10, now: Date().timeIntervalSince1970)[0]
        claimed.record(TrialResult(status: .done, metrics: ["accuracy": 0.5]), score: nil, cached: false)
        let completed = Date()
        #expect(try other.completeTrial(claimed, worker: "w"))
        done.wait(after: doneRings, timeout: 5)
        #expect(done.generation > doneRings && Date().timeIntervalSince(completed) < 5, "completions ring the other doorbell")
        #expect(bell.generation == queuedRings, "and not the one idle workers wait on")
    }

    @Test("release puts a worker's claims back to pending; other workers' claims stay", arguments: StoreKind.allCases)
    func release(kind: StoreKind) throws {
        guard let (store, run) = try queue(3, kind) else { return }
        _ = try store.claimTrials(worker: "a", limit: 2, runs: [run], lease: 10, now: 100)
        _ = try store.claimTrials(worker: "b", limit: 1, runs: [run], lease: 10, now: 100)
        #expect(try store.releaseTrials(worker: "a") == 2)
        let statuses = try store.trials(run: run).map(\.status)
        #expect(statuses == [.pending, .pending, .claimed])
    }

    @Test("only trials of running runs are claimed", arguments: StoreKind.allCases)
    func onlyRunningRuns(kind: StoreKind) throws {
        guard let (store, run) = try queue(2, kind) else { return }
        try store.setRunStatus(run, .cancelled, error: nil)
        #expect(try store.claimTrials(worker: "a", limit: 5, runs: nil, lease: 10, now: 100).isEmpty)
        try store.claimRun(run, owner: "host:1")
        #expect(try store.claimTrials(worker: "a", limit: 5, runs: nil, lease: 10, now: 100).count == 2)
    }

    @Test("a resumed run keeps its queued trials after the checkpoint and drops those its own thread left", arguments: StoreKind.allCases)
    func discardUnqueued(kind: StoreKind) throws {
        guard let (store, run) = try queue(3, kind) else { return }
        _ = try store.claimTrials(worker: "a", limit: 1, runs: [run], lease: 10, now: 100)
        var local = StoreFixture.trials(run: run, count: 4, seed: 1)[3]
        local.status = .running
        _ = try store.startTrial(local)
        #expect(try store.discardUnqueuedTrials(run: run, after: 0) == 1)
        #expect(try store.trials(run: run).map(\.sequence) == [1, 2, 3])
    }
}
}
