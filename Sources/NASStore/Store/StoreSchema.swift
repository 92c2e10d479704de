import GRDB

/// The store's tables, created and evolved by numbered migrations.
///
/// Trials keep the common metrics in their own indexed columns (so `where latency < 4ms |
/// sort accuracy desc | take 10` is an index scan) and every metric in a JSON object, which
/// less common metrics are read from. `run_metrics` lists the metric names each run has.
enum StoreSchema {
    /// Metrics with their own column in `trials`, in the order tables show them.
    static let promotedMetrics = ["accuracy", "test_accuracy", "loss", "params", "flops", "macs", "latency", "train_time"]

    /// The migrations, in order: an identifier and DDL in SQLite's dialect. Both stores apply
    /// these (PostgreSQL through `SQLDialect.ddl`), and record each identifier once applied.
    static let migrations: [(identifier: String, sql: String)] = [
        ("v1-runs-trials-latency", v1),
        ("v2-run-owner", "ALTER TABLE runs ADD COLUMN owner TEXT"),
        ("v3-run-trial-settings", "ALTER TABLE runs ADD COLUMN trial_settings TEXT NOT NULL DEFAULT '{}'"),
        ("v4-measured-latency-tables", v4),
        ("v5-trial-queue", v5),
    ]

    /// The SQLite store's migrator (GRDB records the applied identifiers in `grdb_migrations`).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.identifier) { db in try db.execute(sql: migration.sql) }
        }
        return migrator
    }

    private static let metricColumns = promotedMetrics.map { "\($0) REAL" }.joined(separator: ", ")

    private static let v1 = """
        CREATE TABLE evaluators(
            id INTEGER PRIMARY KEY, descriptor TEXT NOT NULL UNIQUE, created_at REAL NOT NULL);
        CREATE TABLE datasets(
            id INTEGER PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL UNIQUE, created_at REAL NOT NULL);
        CREATE TABLE runs(
            id INTEGER PRIMARY KEY, strategy TEXT NOT NULL, strategy_settings TEXT NOT NULL, space TEXT NOT NULL,
            evaluator_id INTEGER NOT NULL REFERENCES evaluators(id), evaluator TEXT NOT NULL,
            objective_metric TEXT NOT NULL, maximise INTEGER NOT NULL,
            budget_kind TEXT NOT NULL, budget_amount REAL NOT NULL, seed INTEGER NOT NULL,
            status TEXT NOT NULL, created_at REAL NOT NULL, finished_at REAL, script TEXT, error TEXT,
            checkpoint BLOB, checkpoint_seq INTEGER NOT NULL DEFAULT 0, spent_wall REAL NOT NULL DEFAULT 0);
        CREATE TABLE trials(
            id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL, architecture TEXT NOT NULL, identity TEXT NOT NULL, tokens TEXT NOT NULL,
            epochs INTEGER, data_fraction REAL NOT NULL, seed INTEGER NOT NULL, status TEXT NOT NULL,
            \(metricColumns),
            metrics TEXT NOT NULL DEFAULT '{}', curve TEXT NOT NULL DEFAULT '[]', score REAL,
            wall_seconds REAL NOT NULL DEFAULT 0, simulated_seconds REAL NOT NULL DEFAULT 0, error TEXT,
            cache_key TEXT NOT NULL, cached INTEGER NOT NULL DEFAULT 0,
            started_at REAL NOT NULL, finished_at REAL,
            UNIQUE(run_id, seq));
        CREATE INDEX trials_run_accuracy ON trials(run_id, accuracy);
        CREATE INDEX trials_accuracy ON trials(accuracy);
        CREATE INDEX trials_done_cache_key ON trials(cache_key) WHERE status = 'done';
        CREATE TABLE run_metrics(
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, name TEXT NOT NULL,
            PRIMARY KEY(run_id, name)) WITHOUT ROWID;
        CREATE TABLE latency_tables(
            id INTEGER PRIMARY KEY, name TEXT NOT NULL, device TEXT NOT NULL, batch INTEGER NOT NULL,
            threads INTEGER NOT NULL, engine_version TEXT NOT NULL, measured_at REAL NOT NULL);
        CREATE INDEX latency_tables_name ON latency_tables(name);
        CREATE TABLE latency_entries(
            table_id INTEGER NOT NULL REFERENCES latency_tables(id) ON DELETE CASCADE, key TEXT NOT NULL,
            seconds REAL NOT NULL, PRIMARY KEY(table_id, key)) WITHOUT ROWID;
        """

    /// What a measured latency table adds: the space, input shape and classes it was measured at,
    /// plain or corrected (with the whole networks a correction measured and its method), and
    /// each entry's coefficient of variation. Older tables read as plain ones of an unknown space.
    private static let v4 = """
        ALTER TABLE latency_tables ADD COLUMN space TEXT NOT NULL DEFAULT '';
        ALTER TABLE latency_tables ADD COLUMN input TEXT NOT NULL DEFAULT '';
        ALTER TABLE latency_tables ADD COLUMN classes INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE latency_tables ADD COLUMN kind TEXT NOT NULL DEFAULT 'plain';
        ALTER TABLE latency_tables ADD COLUMN measurements INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE latency_tables ADD COLUMN method TEXT NOT NULL DEFAULT '';
        ALTER TABLE latency_entries ADD COLUMN cv REAL;
        """

    /// The trial queue (`ExperimentStore`'s TrialQueue section): a trial row is its queue entry. A queued
    /// trial is `pending`; a worker that claims it sets `claimed`, its id in `worker`, `lease_until` (seconds
    /// since 1970) and counts the claim in `attempts`. A run keeps the description its space and evaluator
    /// are rebuilt from (`evaluation`, JSON). Plain columns, so the PostgreSQL store has the same schema. The
    /// queue's index holds only queued rows (partial), so runs that never queue (their own thread evaluates
    /// each trial) pay nothing for it on each insert and update.
    private static let v5 = """
        ALTER TABLE trials ADD COLUMN worker TEXT;
        ALTER TABLE trials ADD COLUMN lease_until REAL;
        ALTER TABLE trials ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX trials_queue ON trials(status, run_id) WHERE status IN ('pending', 'claimed');
        ALTER TABLE runs ADD COLUMN evaluation TEXT;
        """
}
