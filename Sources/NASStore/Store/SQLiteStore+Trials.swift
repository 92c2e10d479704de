import Foundation
import GRDB
import NASSpaces

extension SQLiteStore {
    public func startTrials(_ trials: [TrialRecord]) throws -> [Int64] {
        try write { db in
            var writer = try TrialRowWriter(db, sql: Self.insertSQL)
            defer { writer.finish() }
            let now = Date().timeIntervalSince1970
            return try trials.map { trial in
                try writer.insert(trial, now: now)
                return db.lastInsertedRowID
            }
        }
    }

    public func finishTrials(_ trials: [TrialRecord], checkpoint: RunCheckpoint?) throws {
        try write { db in
            var names = MetricNameTally()
            for trial in trials {
                try Self.updateResult(of: trial, db)
                names.note(run: trial.runID, sortedPairs: StoreJSON.sortedPairs(trial.metrics))
            }
            try Self.noteMetricNames(names.namesByRun, db)
            if let checkpoint, let run = trials.last?.runID {
                try db.execute(sql: "UPDATE runs SET checkpoint = ?, checkpoint_seq = ?, spent_wall = ? WHERE id = ?",
                               arguments: [checkpoint.strategyState, checkpoint.lastSequence, checkpoint.spentWallSeconds, run])
            }
        }
    }

    @discardableResult
    public func insertFinishedTrials(_ trials: [TrialRecord]) throws -> Int {
        try write { db in
            var writer = try TrialRowWriter(db, sql: Self.insertSQL)
            defer { writer.finish() }
            for trial in trials { try writer.insert(trial, now: Date().timeIntervalSince1970) }
            try Self.noteMetricNames(writer.metricNames.namesByRun, db)
            return trials.count
        }
    }

    @discardableResult
    public func discardTrials(run id: Int64, after sequence: Int) throws -> Int {
        try write { db in
            try db.execute(sql: "DELETE FROM trials WHERE run_id = ? AND seq > ?", arguments: [id, sequence])
            return db.changesCount
        }
    }

    public func trials(run id: Int64) throws -> [TrialRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM trials WHERE run_id = ? ORDER BY seq", arguments: [id])
                .map(Self.trialRecord)
        }
    }

    public func cachedResults(forKeys keys: [String]) throws -> [String: TrialResult] {
        guard !keys.isEmpty else { return [:] }
        return try read { db in
            let statement = try db.cachedStatement(sql: "SELECT * FROM trials WHERE cache_key = ? AND status = 'done' ORDER BY id LIMIT 1")
            var found: [String: TrialResult] = [:]
            for key in Set(keys) {
                if let row = try Row.fetchOne(statement, arguments: [key]) { found[key] = try Self.trialRecord(row).result }
            }
            return found
        }
    }

    /// The statement that inserts a trial.
    private static let insertSQL = """
        INSERT INTO trials(run_id, seq, architecture, identity, tokens, epochs, data_fraction, seed, status,
                           \(StoreSchema.promotedMetrics.joined(separator: ", ")),
                           metrics, curve, score, wall_seconds, simulated_seconds, error, cache_key, cached,
                           started_at, finished_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, \(StoreSchema.promotedMetrics.map { _ in "?" }.joined(separator: ", ")),
                ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// The statement that writes a trial's result.
    private static let updateSQL = """
        UPDATE trials SET status = ?, \(StoreSchema.promotedMetrics.map { "\($0) = ?" }.joined(separator: ", ")),
                          metrics = ?, curve = ?, score = ?, wall_seconds = ?, simulated_seconds = ?, error = ?,
                          cached = ?, finished_at = ?
        WHERE run_id = ? AND seq = ?
        """

    /// Writes a trial's result into its row (found by run and sequence number).
    private static func updateResult(of trial: TrialRecord, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: updateSQL)
        try statement.execute(arguments: StatementArguments(resultValues(trial)))
        if db.changesCount == 0 {
            throw StoreError.corrupt("trial \(trial.sequence) of run \(trial.runID) was never started")
        }
    }

    /// The parameters of `updateSQL` (the PostgreSQL store's too) for a trial's end.
    static func resultValues(_ trial: TrialRecord) -> [(any DatabaseValueConvertible)?] {
        var values: [(any DatabaseValueConvertible)?] = [trial.status.rawValue]
        values += StoreSchema.promotedMetrics.map { trial.metrics[$0] }
        values += [
            StoreJSON.object(trial.metrics), StoreJSON.array(trial.curve), trial.score, trial.wallSeconds,
            trial.simulatedSeconds, trial.error, trial.cached, Date().timeIntervalSince1970, trial.runID, trial.sequence,
        ]
        return values
    }

    /// Records the names of metrics of each run, so tables know their columns.
    static func noteMetricNames(_ names: [Int64: Set<String>], _ db: Database) throws {
        let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO run_metrics(run_id, name) VALUES (?, ?)")
        for (run, runNames) in names {
            for name in runNames { try statement.execute(arguments: [run, name]) }
        }
    }

    /// A trial record from its row.
    static func trialRecord(_ row: Row) throws -> TrialRecord {
        let statusText: String = row["status"]
        guard let status = TrialStatus(rawValue: statusText) else { throw StoreError.corrupt("trial status \(statusText)") }
        let seed: Int64 = row["seed"]
        return TrialRecord(
            id: row["id"], runID: row["run_id"], sequence: row["seq"], architecture: row["architecture"],
            identity: row["identity"], tokens: try StoreJSON.decode([Int].self, from: row["tokens"], field: "tokens"),
            fidelity: Fidelity(epochs: row["epochs"], dataFraction: row["data_fraction"]),
            seed: UInt64(bitPattern: seed), status: status,
            metrics: try StoreJSON.decode([String: Double].self, from: row["metrics"], field: "metrics"),
            curve: try StoreJSON.decode([Double].self, from: row["curve"], field: "curve"),
            wallSeconds: row["wall_seconds"], simulatedSeconds: row["simulated_seconds"], error: row["error"],
            score: row["score"], cacheKey: row["cache_key"], cached: row["cached"])
    }
}
