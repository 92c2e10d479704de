import Foundation
import GRDB
import NASSpaces

/// The trial queue in PostgreSQL (semantics: `ExperimentStore`'s TrialQueue section), for workers
/// on any number of machines.
///
/// A claim locks the pending rows it takes with `FOR UPDATE SKIP LOCKED`, so concurrent claimers
/// pass over each other's rows instead of waiting for them or taking them twice; completing is an
/// update conditioned on the worker still holding the claim, and the store's exactly-once commit
/// (a lost COMMIT answer is checked with `txid_status` before any retry) keeps a result from being
/// written twice. Every statement of the queue is here.
extension PostgresStore {
    public func claimTrials(worker: String, limit: Int, runs: [Int64]?, lease: Double, now: Double) throws -> [TrialRecord] {
        guard limit > 0 else { return [] }
        if let runs, runs.isEmpty { return [] }
        return try write { connection in
            try connection.query(Self.expireSQL, [now])
            var pick = "SELECT t.id FROM trials t JOIN runs r ON r.id = t.run_id WHERE t.status = 'pending' AND r.status = 'running'"
            var values: [(any DatabaseValueConvertible)?] = [worker, now + lease]
            if let runs {
                pick += " AND t.run_id IN (\(runs.map { _ in "?" }.joined(separator: ", ")))"
                values += runs.map { $0 as (any DatabaseValueConvertible)? }
            }
            pick += " ORDER BY t.run_id, t.seq LIMIT ? FOR UPDATE OF t SKIP LOCKED"
            values.append(limit)
            let claimed = try connection.query("""
                UPDATE trials SET status = 'claimed', worker = ?, lease_until = ?, attempts = attempts + 1
                WHERE id IN (\(pick)) RETURNING *
                """, values).rows.map(SQLiteStore.trialRecord)
            return claimed.sorted { ($0.runID, $0.sequence) < ($1.runID, $1.sequence) }
        }
    }

    @discardableResult
    public func renewLeases(worker: String, lease: Double, now: Double) throws -> Int {
        try write { connection in
            try connection.query("UPDATE trials SET lease_until = ? WHERE worker = ? AND status = 'claimed'", [now + lease, worker]).changes
        }
    }

    public func completeTrials(_ trials: [TrialRecord], worker: String) throws -> Set<Int64> {
        try write { connection in
            var written = Set<Int64>(), names = MetricNameTally()
            for trial in trials {
                let values = SQLiteStore.completionValues(trial, worker: worker)
                guard try connection.query(Self.completeSQL, values).changes == 1 else { continue }
                written.insert(trial.id)
                names.note(run: trial.runID, sortedPairs: StoreJSON.sortedPairs(trial.metrics))
            }
            try Self.noteMetricNames(names.namesByRun, connection)
            if !written.isEmpty { try Self.notify(Self.completedChannel, connection) }
            return written
        }
    }

    @discardableResult
    public func releaseTrials(worker: String) throws -> Int {
        try write { connection in
            let released = try connection.query("UPDATE trials SET status = 'pending', worker = NULL, lease_until = NULL WHERE worker = ? AND status = 'claimed'",
                                                [worker]).changes
            if released > 0 { try Self.notify(Self.queuedChannel, connection) }
            return released
        }
    }

    public func trials(run id: Int64, sequences: ClosedRange<Int>) throws -> [TrialRecord] {
        try read { connection in
            try connection.query("SELECT * FROM trials WHERE run_id = ? AND seq BETWEEN ? AND ? ORDER BY seq",
                                 [id, sequences.lowerBound, sequences.upperBound]).rows.map(SQLiteStore.trialRecord)
        }
    }

    @discardableResult
    public func discardUnqueuedTrials(run id: Int64, after sequence: Int) throws -> Int {
        try write { connection in
            try connection.query("""
                DELETE FROM trials WHERE run_id = ? AND seq > ? AND status NOT IN ('pending', 'claimed') AND attempts = 0
                """, [id, sequence]).changes
        }
    }

    public func deleteTrial(run id: Int64, sequence: Int) throws {
        try write { connection in _ = try connection.query("DELETE FROM trials WHERE run_id = ? AND seq = ?", [id, sequence]) }
    }

    /// The channel notified when trials are queued or released (`PostgresListener` listens on it).
    static let queuedChannel = "naslab_queued"
    /// The channel notified when trials are completed.
    static let completedChannel = "naslab_completed"

    /// Tells every listener of `channel`, when the transaction commits, that the queue changed.
    static func notify(_ channel: String, _ connection: PostgresConnection) throws {
        try connection.query("NOTIFY \(channel)")
    }

    /// Claims whose lease ended go back to pending.
    private static let expireSQL = "UPDATE trials SET status = 'pending', worker = NULL, lease_until = NULL WHERE status = 'claimed' AND lease_until < ?"

    /// Writes a claimed trial's result, only while the worker holds it.
    private static let completeSQL = """
        UPDATE trials SET status = ?, \(StoreSchema.promotedMetrics.map { "\($0) = ?" }.joined(separator: ", ")),
                          metrics = ?, curve = ?, wall_seconds = ?, simulated_seconds = ?, error = ?, finished_at = ?,
                          lease_until = NULL
        WHERE id = ? AND worker = ? AND status = 'claimed'
        """
}
