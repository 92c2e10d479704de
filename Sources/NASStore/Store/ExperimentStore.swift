import NASCore
import NASSpaces

/// Where runs, trials, latency tables and their descriptions are kept.
///
/// `SQLiteStore` is the workspace's single-file store; a PostgreSQL store fits behind the same
/// interface. Every method may be called from any thread; writes are serialised by the store.
public protocol ExperimentStore: AnyObject, Sendable {
    // MARK: Runs

    /// Records a new run and returns its id.
    func createRun(_ run: RunRecord) throws -> Int64
    /// The run with this id, or nil.
    func run(_ id: Int64) throws -> RunRecord?
    /// Every run, oldest first.
    func allRuns() throws -> [RunRecord]
    /// Sets a run's status (and its end time when the status is final).
    func setRunStatus(_ id: Int64, _ status: RunStatus, error: String?) throws
    /// Marks a run as running and worked by `owner` (`host:pid`), so that another process can
    /// tell a run whose process died from one still working.
    func claimRun(_ id: Int64, owner: String) throws
    /// The run's checkpoint: the strategy state after its last finished trial.
    func checkpoint(run id: Int64) throws -> RunCheckpoint

    // MARK: Trials

    /// Records a trial about to be evaluated (normally `running`) and returns its id.
    func startTrial(_ trial: TrialRecord) throws -> Int64
    /// Records a trial's end; with a checkpoint, the trial and the run's checkpoint are written
    /// in one transaction, so a crash never separates them.
    func finishTrial(_ trial: TrialRecord, checkpoint: RunCheckpoint?) throws
    /// Records finished trials in bulk (imports, benchmarks); returns how many were written.
    @discardableResult func insertFinishedTrials(_ trials: [TrialRecord]) throws -> Int
    /// Deletes a run's trials after `sequence` (the unfinished ones a crash left); returns how many.
    @discardableResult func discardTrials(run id: Int64, after sequence: Int) throws -> Int
    /// A run's trials in sequence order.
    func trials(run id: Int64) throws -> [TrialRecord]
    /// The recorded result of identical earlier work (same cache key, finished as done), or nil.
    func cachedResult(forKey key: String) throws -> TrialResult?

    // MARK: Queries

    /// Trials as a table (of one run, or all runs when nil), filtered, sorted and cut in the store.
    func trialsTable(run id: Int64?, query: TableQuery) throws -> Table
    /// Runs as a table.
    func runsTable(query: TableQuery) throws -> Table
    /// The best finished trial of a run (one row; none when nothing finished), by the run's
    /// objective unless a metric and direction are given.
    func best(run id: Int64, by metric: String?, maximise: Bool?) throws -> Table
    /// The result of one read-only SELECT (or WITH ... SELECT) statement.
    func sql(_ text: String) throws -> Table

    // MARK: Latency tables

    /// Records a latency table, one row per entry (architecture key → seconds); returns its id.
    @discardableResult func saveLatencyTable(_ info: LatencyTableInfo, entries: [String: Double]) throws -> Int64
    /// Records a latency table with each entry's noise; returns its id.
    @discardableResult func saveLatencyTable(_ info: LatencyTableInfo, rows: [LatencyTableEntry]) throws -> Int64
    /// The entries of the latest latency table of this name.
    func latencyEntries(_ name: String) throws -> [String: Double]
    /// The description and entries (sorted by key) of the latest latency table of this name.
    func latencyTableContents(_ name: String) throws -> (info: LatencyTableInfo, rows: [LatencyTableEntry])
    /// The entries of the latest latency table of this name as a table (`key`, `latency`, `cv`).
    func latencyTable(_ name: String, query: TableQuery) throws -> Table
    /// Every latency table's description (name, kind, space, device, batch, threads, input, engine, date, entries, measurements).
    func latencyTables() throws -> Table

    // MARK: Descriptions

    /// Records a dataset by its description (idempotent) and returns its id.
    @discardableResult func registerDataset(name: String, description: String) throws -> Int64
    /// Records an evaluator by its descriptor (idempotent) and returns its id.
    @discardableResult func registerEvaluator(descriptor: String) throws -> Int64
}
