import Foundation
import NASCore
import NASSpaces
import NASStore
import Synchronization
import Testing

/// The trial queue of the SQLite store: claims, leases, heartbeats, completion and release.
@Suite struct TrialQueueTests {
    /// A store with one running run and `count` pending trials; returns the store and the run's id.
    private func queue(_ count: Int) throws -> (SQLiteStore, Int64) {
        let store = try StoreFixture.store()
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

    @Test("threads claiming at once never get the same trial, and together get every one exactly once")
    func concurrentClaims() throws {
        let (store, run) = try queue(60)
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

    @Test("a claim takes the lowest pending sequence numbers, sets the worker, lease and attempt")
    func claimOrder() throws {
        let (store, run) = try queue(5)
        let first = try store.claimTrials(worker: "a", limit: 2, runs: [run], lease: 30, now: 100)
        #expect(first.map(\.sequence) == [1, 2])
        #expect(first.allSatisfy { $0.status == .claimed })
        let second = try store.claimTrials(worker: "b", limit: 10, runs: [run], lease: 30, now: 100)
        #expect(second.map(\.sequence) == [3, 4, 5])
        #expect(try store.claimTrials(worker: "c", limit: 10, runs: nil, lease: 30, now: 100).isEmpty)
        #expect(try store.claimTrials(worker: "c", limit: 10, runs: [run + 1], lease: 30, now: 100).isEmpty)
    }

    @Test("a lease that runs out puts the trial back, and another worker claims it again")
    func expiredLease() throws {
        let (store, run) = try queue(1)
        #expect(try store.claimTrials(worker: "dead", limit: 1, runs: [run], lease: 10, now: 100).count == 1)
        #expect(try store.claimTrials(worker: "b", limit: 1, runs: [run], lease: 10, now: 109).isEmpty)
        let again = try store.claimTrials(worker: "b", limit: 1, runs: [run], lease: 10, now: 111)
        #expect(again.map(\.sequence) == [1])
        #expect(try store.sql("SELECT attempts FROM trials").rows[0][0].doubleValue == 2)
    }

    @Test("a heartbeat keeps a claim past its first lease")
    func heartbeat() throws {
        let (store, run) = try queue(1)
        _ = try store.claimTrials(worker: "a", limit: 1, runs: [run], lease: 10, now: 100)
        #expect(try store.renewLeases(worker: "a", lease: 10, now: 108) == 1)
        #expect(try store.claimTrials(worker: "b", limit: 1, runs: [run], lease: 10, now: 115).isEmpty)
        #expect(try store.renewLeases(worker: "b", lease: 10, now: 115) == 0)
    }

    @Test("a result is written once: by the holder only, never after another worker took the trial over")
    func completeOnce() throws {
        let (store, run) = try queue(1)
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

    @Test("release puts a worker's claims back to pending; other workers' claims stay")
    func release() throws {
        let (store, run) = try queue(3)
        _ = try store.claimTrials(worker: "a", limit: 2, runs: [run], lease: 10, now: 100)
        _ = try store.claimTrials(worker: "b", limit: 1, runs: [run], lease: 10, now: 100)
        #expect(try store.releaseTrials(worker: "a") == 2)
        let statuses = try store.trials(run: run).map(\.status)
        #expect(statuses == [.pending, .pending, .claimed])
    }

    @Test("only trials of running runs are claimed")
    func onlyRunningRuns() throws {
        let (store, run) = try queue(2)
        try store.setRunStatus(run, .cancelled, error: nil)
        #expect(try store.claimTrials(worker: "a", limit: 5, runs: nil, lease: 10, now: 100).isEmpty)
        try store.claimRun(run, owner: "host:1")
        #expect(try store.claimTrials(worker: "a", limit: 5, runs: nil, lease: 10, now: 100).count == 2)
    }

    @Test("a resumed run keeps its queued trials after the checkpoint and drops those its own thread left")
    func discardUnqueued() throws {
        let (store, run) = try queue(3)
        _ = try store.claimTrials(worker: "a", limit: 1, runs: [run], lease: 10, now: 100)
        var local = StoreFixture.trials(run: run, count: 4, seed: 1)[3]
        local.status = .running
        _ = try store.startTrial(local)
        #expect(try store.discardUnqueuedTrials(run: run, after: 0) == 1)
        #expect(try store.trials(run: run).map(\.sequence) == [1, 2, 3])
    }
}
