import Foundation
import GRDB
import NASCore

extension PostgresStore {
    public func createRun(_ run: RunRecord) throws -> Int64 {
        try write { connection in
            let evaluatorID = try Self.evaluatorID(run.evaluator, connection)
            return try Self.id(connection.query("""
                INSERT INTO runs(strategy, strategy_settings, space, evaluator_id, evaluator, objective_metric, maximise,
                                 budget_kind, budget_amount, seed, status, created_at, finished_at, script, error,
                                 trial_settings, evaluation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """, [
                    run.strategy, StoreJSON.object(run.strategySettings), run.space, evaluatorID, run.evaluator,
                    run.objectiveMetric, run.maximise, run.budget.stored.kind, run.budget.stored.amount,
                    Int64(bitPattern: run.seed), run.status.rawValue, run.createdAt.timeIntervalSince1970,
                    run.finishedAt?.timeIntervalSince1970, run.script, run.error, StoreJSON.object(run.trialSettings),
                    run.evaluation,
                ]))
        }
    }

    public func run(_ id: Int64) throws -> RunRecord? {
        try read { connection in
            try connection.query("SELECT * FROM runs WHERE id = ?", [id]).rows.first.map(SQLiteStore.runRecord)
        }
    }

    public func allRuns() throws -> [RunRecord] {
        try read { connection in try connection.query("SELECT * FROM runs ORDER BY id").rows.map(SQLiteStore.runRecord) }
    }

    public func setRunStatus(_ id: Int64, _ status: RunStatus, error: String?) throws {
        let finished: Double? = status == .running ? nil : Date().timeIntervalSince1970
        try write { connection in
            let result = try connection.query("UPDATE runs SET status = ?, error = ?, finished_at = ? WHERE id = ?",
                                              [status.rawValue, error, finished, id])
            if result.changes == 0 { throw StoreError.noSuchRun(id) }
        }
    }

    public func claimRun(_ id: Int64, owner: String) throws {
        try write { connection in
            let result = try connection.query(
                "UPDATE runs SET status = 'running', owner = ?, error = NULL, finished_at = NULL WHERE id = ?", [owner, id])
            if result.changes == 0 { throw StoreError.noSuchRun(id) }
        }
    }

    public func checkpoint(run id: Int64) throws -> RunCheckpoint {
        try read { connection in
            guard let row = try connection.query("SELECT checkpoint, checkpoint_seq, spent_wall FROM runs WHERE id = ?",
                                                 [id]).rows.first else { throw StoreError.noSuchRun(id) }
            return RunCheckpoint(strategyState: row["checkpoint"], lastSequence: row["checkpoint_seq"],
                                 spentWallSeconds: row["spent_wall"])
        }
    }
}
