import Foundation
import GRDB
import NASSpaces

/// The trial queue in SQLite (semantics: `ExperimentStore`'s TrialQueue section).
///
/// Processes on one machine share the store file (WAL); a claim is one `BEGIN IMMEDIATE` transaction,
/// which holds SQLite's single write lock, so two claimers (threads or processes) never see the same
/// pending row. Every statement of the queue is here.
extension SQLiteStore {
    public func claimTrials(worker: String, limit: Int, runs: [Int64]?, lease: Double, now: Double) throws -> [TrialRecord] {
        guard limit > 0 else { return [] }
        return try writeImmediate { db in
            try db.execute(sql: Self.expireSQL, arguments: [now])
            // `status IN (…)` repeats the partial index's condition, so SQLite knows it may use the index.
            var sql = "SELECT t.id FROM trials t JOIN runs r ON r.id = t.run_id WHERE t.status IN ('pending', 'claimed') "
                + "AND t.status = 'pending' AND r.status = 'running'"
            var arguments: [any DatabaseValueConvertible] = []
            if let runs {
                guard !runs.isEmpty else { return [] }
                sql += " AND t.run_id IN (\(runs.map { _ in "?" }.joined(separator: ", ")))"
                arguments += runs
            }
            sql += " ORDER BY t.run_id, t.seq LIMIT ?"
            arguments.append(limit)
            let ids = try Int64.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
            let claim = try db.cachedStatement(sql: Self.claimSQL)
            for id in ids { try claim.execute(arguments: [worker, now + lease, id]) }
            return try ids.compactMap { id in
                try Row.fetchOne(db, sql: "SELECT * FROM trials WHERE id = ?", arguments: [id]).map(Self.trialRecord)
            }
        }
    }

    @discardableResult
    public func renewLeases(worker: String, lease: Double, now: Double) throws -> Int {
        try write { db in
            try db.execute(sql: "UPDATE trials SET lease_until = ? WHERE worker = ? AND status = 'claimed'",
                           arguments: [now + lease, worker])
            return db.changesCount
        }
    }

    public func completeTrials(_ trials: [TrialRecord], worker: String) throws -> Set<Int64> {
        try write { db in
            let statement = try db.cachedStatement(sql: Self.completeSQL)
            var written = Set<Int64>(), names = MetricNameTally()
            for trial in trials {
                try statement.execute(arguments: StatementArguments(Self.completionValues(trial, worker: worker)))
                guard db.changesCount == 1 else { continue }
                written.insert(trial.id)
                names.note(run: trial.runID, sortedPairs: StoreJSON.sortedPairs(trial.metrics))
            }
            try Self.noteMetricNames(names.namesByRun, db)
            return written
        }
    }

    @discardableResult
    public func releaseTrials(worker: String) throws -> Int {
        try write { db in
            try db.execute(sql: "UPDATE trials SET status = 'pending', worker = NULL, lease_until = NULL WHERE worker = ? AND status = 'claimed'",
                           arguments: [worker])
            return db.changesCount
        }
    }

    public func trials(run id: Int64, sequences: ClosedRange<Int>) throws -> [TrialRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM trials WHERE run_id = ? AND seq BETWEEN ? AND ? ORDER BY seq",
                             arguments: [id, sequences.lowerBound, sequences.upperBound]).map(Self.trialRecord)
        }
    }

    @discardableResult
    public func discardUnqueuedTrials(run id: Int64, after sequence: Int) throws -> Int {
        try write { db in
            try db.execute(sql: """
                DELETE FROM trials WHERE run_id = ? AND seq > ?
                  AND status NOT IN ('pending', 'claimed') AND attempts = 0
                """, arguments: [id, sequence])
            return db.changesCount
        }
    }

    public func deleteTrial(run id: Int64, sequence: Int) throws {
        try write { db in try db.execute(sql: "DELETE FROM trials WHERE run_id = ? AND seq = ?", arguments: [id, sequence]) }
    }

    /// The parameters of `completeSQL` (the PostgreSQL store's too) for a trial's result, written by `worker`.
    static func completionValues(_ trial: TrialRecord, worker: String) -> [(any DatabaseValueConvertible)?] {
        var values: [(any DatabaseValueConvertible)?] = [trial.status.rawValue]
        values += StoreSchema.promotedMetrics.map { trial.metrics[$0] }
        values += [StoreJSON.object(trial.metrics), StoreJSON.array(trial.curve), trial.wallSeconds, trial.simulatedSeconds,
                   trial.error, Date().timeIntervalSince1970, trial.id, worker]
        return values
    }

    /// Claims whose lease ended go back to pending.
    private static let expireSQL = "UPDATE trials SET status = 'pending', worker = NULL, lease_until = NULL WHERE status IN ('pending', 'claimed') AND status = 'claimed' AND lease_until < ?"

    /// Claims one pending row.
    private static let claimSQL = "UPDATE trials SET status = 'claimed', worker = ?, lease_until = ?, attempts = attempts + 1 WHERE id = ? AND status = 'pending'"

    /// Writes a claimed trial's result, only while the worker holds it.
    private static let completeSQL = """
        UPDATE trials SET status = ?, \(StoreSchema.promotedMetrics.map { "\($0) = ?" }.joined(separator: ", ")),
                          metrics = ?, curve = ?, wall_seconds = ?, simulated_seconds = ?, error = ?, finished_at = ?,
                          lease_until = NULL
        WHERE id = ? AND worker = ? AND status = 'claimed'
        """

    /// Runs a write transaction that takes SQLite's write lock at once (`BEGIN IMMEDIATE`).
    func writeImmediate<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw StoreError.database(error.message ?? error.description)
        }
    }
}
