import NASCore
import Foundation
import GRDB

extension SQLiteStore {
    public func createRun(_ run: RunRecord) throws -> Int64 {
        try write { db in
            let evaluatorID = try Self.evaluatorID(run.evaluator, db)
            try db.execute(sql: """
                INSERT INTO runs(strategy, strategy_settings, space, evaluator_id, evaluator, objective_metric, maximise,
                                 budget_kind, budget_amount, seed, status, created_at, finished_at, script, error,
                                 trial_settings, evaluation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    run.strategy, StoreJSON.object(run.strategySettings), run.space, evaluatorID, run.evaluator,
                    run.objectiveMetric, run.maximise, run.budget.stored.kind, run.budget.stored.amount, Int64(bitPattern: run.seed),
                    run.status.rawValue, run.createdAt.timeIntervalSince1970, run.finishedAt?.timeIntervalSince1970,
                    run.script, run.error, StoreJSON.object(run.trialSettings), run.evaluation,
                ])
            return db.lastInsertedRowID
        }
    }

    public func run(_ id: Int64) throws -> RunRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE id = ?", arguments: [id]).map(Self.runRecord)
        }
    }

    public func allRuns() throws -> [RunRecord] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY id").map(Self.runRecord) }
    }

    public func setRunStatus(_ id: Int64, _ status: RunStatus, error: String?) throws {
        let finished: Double? = status == .running ? nil : Date().timeIntervalSince1970
        try write { db in
            try db.execute(sql: "UPDATE runs SET status = ?, error = ?, finished_at = ? WHERE id = ?",
                           arguments: [status.rawValue, error, finished, id])
            if db.changesCount == 0 { throw StoreError.noSuchRun(id) }
        }
    }

    public func claimRun(_ id: Int64, owner: String) throws {
        try write { db in
            try db.execute(sql: "UPDATE runs SET status = 'running', owner = ?, error = NULL, finished_at = NULL WHERE id = ?",
                           arguments: [owner, id])
            if db.changesCount == 0 { throw StoreError.noSuchRun(id) }
        }
    }

    public func checkpoint(run id: Int64) throws -> RunCheckpoint {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT checkpoint, checkpoint_seq, spent_wall FROM runs WHERE id = ?",
                                             arguments: [id]) else { throw StoreError.noSuchRun(id) }
            return RunCheckpoint(strategyState: row["checkpoint"], lastSequence: row["checkpoint_seq"],
                                 spentWallSeconds: row["spent_wall"])
        }
    }

    /// A run record from its row.
    static func runRecord(_ row: Row) throws -> RunRecord {
        let kind: String = row["budget_kind"]
        let amount: Double = row["budget_amount"]
        guard let budget = Budget(storedKind: kind, amount: amount) else { throw StoreError.corrupt("budget kind \(kind)") }
        let statusText: String = row["status"]
        guard let status = RunStatus(rawValue: statusText) else { throw StoreError.corrupt("run status \(statusText)") }
        let settings = try StoreJSON.decode([String: String].self, from: row["strategy_settings"], field: "strategy settings")
        let trialSettings = try StoreJSON.decode([String: String].self, from: row["trial_settings"], field: "trial settings")
        let finished: Double? = row["finished_at"]
        let seed: Int64 = row["seed"]
        return RunRecord(
            id: row["id"], strategy: row["strategy"], strategySettings: settings, space: row["space"],
            evaluator: row["evaluator"], objectiveMetric: row["objective_metric"], maximise: row["maximise"],
            budget: budget, seed: UInt64(bitPattern: seed), status: status,
            createdAt: Date(timeIntervalSince1970: row["created_at"]),
            finishedAt: finished.map(Date.init(timeIntervalSince1970:)), script: row["script"], error: row["error"],
            owner: row["owner"], trialSettings: trialSettings, evaluation: row["evaluation"])
    }
}
