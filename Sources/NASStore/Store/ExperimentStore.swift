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

    /// Records trials about to be evaluated (normally `running`, or `pending` for the queue) in one
    /// transaction and returns their ids, in the same order (`startTrial` records one).
    func startTrials(_ trials: [TrialRecord]) throws -> [Int64]
    /// Records the ends of trials (found by run and sequence number) in one transaction; with a checkpoint,
    /// the run's checkpoint (taken after the last of them) is written in the same transaction, so a crash
    /// never separates it from the trials it describes (`finishTrial` records one).
    func finishTrials(_ trials: [TrialRecord], checkpoint: RunCheckpoint?) throws
    /// Records finished trials in bulk (imports, benchmarks); returns how many were written.
    @discardableResult func insertFinishedTrials(_ trials: [TrialRecord]) throws -> Int
    /// Deletes a run's trials after `sequence` (the unfinished ones a crash left); returns how many.
    @discardableResult func discardTrials(run id: Int64, after sequence: Int) throws -> Int
    /// A run's trials in sequence order.
    func trials(run id: Int64) throws -> [TrialRecord]
    /// The recorded results of identical earlier work (same cache key, finished as done; the first recorded when
    /// several are), by key, in one read; keys without one are left out (`cachedResult` looks up one).
    func cachedResults(forKeys keys: [String]) throws -> [String: TrialResult]

    // MARK: TrialQueue
    //
    // The trial queue: a trial row IS its queue entry. A run's driver records each proposal as a
    // `pending` trial (`startTrials` with status `.pending`: run, sequence number, architecture, fidelity,
    // seed, cache key); workers (threads of the driver's process, or `naslab worker` processes on this
    // or other machines) claim pending rows, evaluate them and complete them; the driver waits for the
    // results of its batch, tells its strategy in sequence order and records the batch's ends with the
    // checkpoint (`finishTrials`), which keeps the status the worker wrote. Every method is one transaction,
    // whatever the number of trials it takes, so a batch of B trials costs the driver two transactions
    // (queued, told) and a worker that claims several trials one claim and as few completions as it
    // likes; time is seconds since 1970 on the store's clock (the caller passes `now`, so tests can move it).
    //
    // Guarantees an implementation must keep (the PostgreSQL store: `FOR UPDATE SKIP LOCKED`):
    // - a row is claimed by at most one worker at a time: concurrent claims never return the same row;
    // - a result is written exactly once: `completeTrials` writes a trial's result only for the worker
    //   that holds a live or expired-but-not-reclaimed claim, and only once;
    // - a claim whose lease ran out (the worker was killed, or lost its connection) goes back to
    //   `pending` and is claimed again, by whoever claims next;
    // - rows are claimed in order of run id, then sequence number.

    /// Claims up to `limit` pending trials of the given runs (of every running run when nil) for
    /// `worker`: each becomes `claimed`, with `worker`, `lease_until = now + lease` and one more
    /// `attempt`, and is returned as it now stands. First, claims of any worker whose lease ended
    /// before `now` go back to `pending`. Only trials of runs whose status is `running` are claimed.
    func claimTrials(worker: String, limit: Int, runs: [Int64]?, lease: Double, now: Double) throws -> [TrialRecord]
    /// Extends to `now + lease` the lease of every trial `worker` holds; returns how many it holds.
    @discardableResult func renewLeases(worker: String, lease: Double, now: Double) throws -> Int
    /// Writes the results of trials `worker` holds (status, metrics, curve, times, error of each, found by
    /// its `id`) and ends their claims, in one transaction; returns the ids of those written. A trial the
    /// worker no longer holds (its lease ran out and another worker claimed it, or it was already completed)
    /// is left out and its result dropped, so every trial's result is written exactly once
    /// (`completeTrial` writes one).
    func completeTrials(_ trials: [TrialRecord], worker: String) throws -> Set<Int64>
    /// Puts every trial `worker` holds back to `pending` (a worker that stops cleanly); returns how many.
    @discardableResult func releaseTrials(worker: String) throws -> Int
    /// A run's trials numbered `sequences`, in sequence order (what a driver polls while it waits).
    func trials(run id: Int64, sequences: ClosedRange<Int>) throws -> [TrialRecord]
    /// Deletes a run's trials after `sequence` that the run's own thread was evaluating when it stopped
    /// (status `running` or `cancelled`, never claimed); queued ones (pending, claimed, or completed by a
    /// worker) stay for the resumed driver to match by sequence number. Returns how many were deleted.
    @discardableResult func discardUnqueuedTrials(run id: Int64, after sequence: Int) throws -> Int
    /// Deletes one trial (a queued trial whose proposal a resumed driver no longer makes).
    func deleteTrial(run id: Int64, sequence: Int) throws
    /// Rung whenever any process queues or releases trials (what idle workers wait for), when the store can tell
    /// (PostgreSQL's LISTEN/NOTIFY); nil when it cannot (SQLite: waiters poll). Read its `generation` before
    /// looking at the queue, then wait on it with the poll interval as timeout.
    var queuedDoorbell: QueueDoorbell? { get }
    /// Rung whenever any process completes trials (what a driver waiting for workers waits for); nil when the
    /// store cannot tell. Used as `queuedDoorbell` is.
    var completedDoorbell: QueueDoorbell? { get }

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

extension ExperimentStore {
    /// None: the store cannot tell other processes' queue changes, so waiters poll.
    public var queuedDoorbell: QueueDoorbell? { nil }
    /// None: the store cannot tell other processes' completions, so waiters poll.
    public var completedDoorbell: QueueDoorbell? { nil }

    /// Records one trial about to be evaluated (`startTrials`) and returns its id.
    public func startTrial(_ trial: TrialRecord) throws -> Int64 {
        guard let id = try startTrials([trial]).first else { throw StoreError.corrupt("a started trial got no id") }
        return id
    }

    /// The recorded result of identical earlier work (same cache key, finished as done), or nil (`cachedResults`).
    public func cachedResult(forKey key: String) throws -> TrialResult? {
        try cachedResults(forKeys: [key])[key]
    }

    /// Records one trial's end, with the run's checkpoint after it when given (`finishTrials`).
    public func finishTrial(_ trial: TrialRecord, checkpoint: RunCheckpoint?) throws {
        try finishTrials([trial], checkpoint: checkpoint)
    }

    /// Writes the result of one trial `worker` holds (`completeTrials`); false when it no longer holds it.
    public func completeTrial(_ trial: TrialRecord, worker: String) throws -> Bool {
        try completeTrials([trial], worker: worker).contains(trial.id)
    }
}
