import Foundation
import GRDB
import NASSpaces

extension PostgresStore {
    public func startTrials(_ trials: [TrialRecord]) throws -> [Int64] {
        try write { connection in
            let ids = try Self.insert(trials, connection)
            if trials.contains(where: { $0.status == .pending }) { try Self.notify(Self.queuedChannel, connection) }
            return ids
        }
    }

    public func finishTrials(_ trials: [TrialRecord], checkpoint: RunCheckpoint?) throws {
        try write { connection in
            var names = MetricNameTally()
            for trial in trials {
                if try connection.query(Self.updateSQL, SQLiteStore.resultValues(trial)).changes == 0 {
                    throw StoreError.corrupt("trial \(trial.sequence) of run \(trial.runID) was never started")
                }
                names.note(run: trial.runID, sortedPairs: StoreJSON.sortedPairs(trial.metrics))
            }
            try Self.noteMetricNames(names.namesByRun, connection)
            if let checkpoint, let run = trials.last?.runID {
                try connection.query("UPDATE runs SET checkpoint = ?, checkpoint_seq = ?, spent_wall = ? WHERE id = ?",
                                     [checkpoint.strategyState, checkpoint.lastSequence, checkpoint.spentWallSeconds, run])
            }
        }
    }

    @discardableResult
    public func insertFinishedTrials(_ trials: [TrialRecord]) throws -> Int {
        try write { connection in
            var names = MetricNameTally()
            for trial in trials { names.note(run: trial.runID, sortedPairs: StoreJSON.sortedPairs(trial.metrics)) }
            try Self.insert(trials, connection)
            try Self.noteMetricNames(names.namesByRun, connection)
            return trials.count
        }
    }

    @discardableResult
    public func discardTrials(run id: Int64, after sequence: Int) throws -> Int {
        try write { connection in
            try connection.query("DELETE FROM trials WHERE run_id = ? AND seq > ?", [id, sequence]).changes
        }
    }

    public func trials(run id: Int64) throws -> [TrialRecord] {
        try read { connection in
            try connection.query("SELECT * FROM trials WHERE run_id = ? ORDER BY seq", [id]).rows.map(SQLiteStore.trialRecord)
        }
    }

    public func cachedResults(forKeys keys: [String]) throws -> [String: TrialResult] {
        let unique = Array(Set(keys))
        guard !unique.isEmpty else { return [:] }
        return try read { connection in
            let rows = try connection.query("""
                SELECT DISTINCT ON (cache_key) * FROM trials WHERE cache_key IN (\(unique.map { _ in "?" }.joined(separator: ", ")))
                  AND status = 'done' ORDER BY cache_key, id
                """, unique).rows
            return try Dictionary(rows.map { row in (row["cache_key"] as String, try SQLiteStore.trialRecord(row).result) },
                                  uniquingKeysWith: { first, _ in first })
        }
    }

    /// Trials per bulk INSERT statement (each row has 27 parameters; PostgreSQL allows 65535).
    static let insertBatch = 500

    /// Inserts trials, `insertBatch` rows per statement, and returns their ids in the same order.
    @discardableResult
    private static func insert(_ trials: [TrialRecord], _ connection: PostgresConnection) throws -> [Int64] {
        let now = Date().timeIntervalSince1970
        var ids: [Int64] = []
        ids.reserveCapacity(trials.count)
        var start = trials.startIndex
        while start < trials.endIndex {
            let batch = trials[start..<min(start + insertBatch, trials.endIndex)]
            // RETURNING lists the rows in no promised order: each id is matched to its row by run and sequence number.
            let rows = try connection.query(insertSQL(rows: batch.count) + " RETURNING id, run_id, seq",
                                            batch.flatMap { rowValues($0, now: now) }).values
            var idOf: [Int64: [Int64: Int64]] = [:]
            for row in rows {
                guard let id = Int64.fromDatabaseValue(row[0]), let run = Int64.fromDatabaseValue(row[1]),
                      let sequence = Int64.fromDatabaseValue(row[2]) else { throw StoreError.corrupt("an inserted trial has no id") }
                idOf[run, default: [:]][sequence] = id
            }
            for trial in batch {
                guard let id = idOf[trial.runID]?[Int64(trial.sequence)] else { throw StoreError.corrupt("an inserted trial has no id") }
                ids.append(id)
            }
            start = batch.endIndex
        }
        return ids
    }

    /// The columns of a trial row, in the order of `rowValues`.
    private static let insertColumns = """
        run_id, seq, architecture, identity, tokens, epochs, data_fraction, seed, status,
        \(StoreSchema.promotedMetrics.joined(separator: ", ")),
        metrics, curve, score, wall_seconds, simulated_seconds, error, cache_key, cached, started_at, finished_at
        """

    /// The INSERT of `rows` trials.
    private static func insertSQL(rows: Int) -> String {
        let columnCount = 9 + StoreSchema.promotedMetrics.count + 10
        let row = "(" + Array(repeating: "?", count: columnCount).joined(separator: ", ") + ")"
        return "INSERT INTO trials(\(insertColumns)) VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    /// The statement that writes a trial's result (the SQLite store's, with the same parameters).
    private static let updateSQL = """
        UPDATE trials SET status = ?, \(StoreSchema.promotedMetrics.map { "\($0) = ?" }.joined(separator: ", ")),
                          metrics = ?, curve = ?, score = ?, wall_seconds = ?, simulated_seconds = ?, error = ?,
                          cached = ?, finished_at = ?
        WHERE run_id = ? AND seq = ?
        """

    /// A trial's values for `insertColumns`, started (and, unless pending or running, finished) at `now`.
    private static func rowValues(_ trial: TrialRecord, now: Double) -> [(any DatabaseValueConvertible)?] {
        var values: [(any DatabaseValueConvertible)?] = [
            trial.runID, Int64(trial.sequence), trial.architecture, trial.identity, StoreJSON.array(trial.tokens),
            trial.fidelity.epochs.map { Int64($0) }, trial.fidelity.dataFraction, Int64(bitPattern: trial.seed),
            trial.status.rawValue,
        ]
        values += StoreSchema.promotedMetrics.map { trial.metrics[$0] as (any DatabaseValueConvertible)? }
        let finished = trial.status == .running || trial.status == .pending ? nil : now
        values += [
            StoreJSON.object(trial.metrics), StoreJSON.array(trial.curve), trial.score, trial.wallSeconds,
            trial.simulatedSeconds, trial.error, trial.cacheKey, trial.cached, now, finished,
        ]
        return values
    }

    /// Records the names of metrics of each run, so tables know their columns.
    static func noteMetricNames(_ names: [Int64: Set<String>], _ connection: PostgresConnection) throws {
        for (run, runNames) in names {
            for name in runNames {
                try connection.query("INSERT INTO run_metrics(run_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING", [run, name])
            }
        }
    }
}
