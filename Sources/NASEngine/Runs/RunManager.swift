import Foundation
import NASCore
import NASSearch
import NASSpaces
import NASStore
import Synchronization

/// Launches search runs in the background, and keeps track of them for `status`, `wait`,
/// `cancel` and `resume`.
///
/// Each run works on its own thread and records every trial in the store as it finishes, so
/// the REPL stays usable and can query the run while it works.
public final class RunManager: Sendable {
    /// Where runs and trials are recorded.
    public let store: any ExperimentStore
    private let active = Mutex<[Int64: RunHandle]>([:])
    /// What launched each run of this session, for `Session.resume`.
    private let requests = Mutex<[Int64: SearchRequest]>([:])

    /// Creates a manager over a store.
    public init(store: any ExperimentStore) {
        self.store = store
    }

    /// Records a new run and starts its loop: in the background (returns at once), or on the
    /// calling thread (returns when the run stops, e.g. inside a session job).
    ///
    /// The manager takes the strategy over: the caller must not use it afterwards. `token`,
    /// when given, is the one `cancel()` sets and the loop polls (a job's token, say).
    public func launch(strategy: any SearchStrategy, space: any SearchSpace, evaluator: any Evaluator,
                       settings: RunSettings, execution: RunExecution = .background, token: CancellationToken? = nil,
                       onEvent: (@Sendable (RunEvent) -> Void)? = nil) throws -> RunHandle {
        try checkSupport(evaluator, space)
        let record = RunRecord(strategy: strategy.name, strategySettings: strategy.settings, space: space.name,
                               evaluator: evaluator.descriptor, objectiveMetric: settings.objective.rankingMetric,
                               maximise: settings.objective.maximisesRanking, budget: settings.budget, seed: settings.seed,
                               script: settings.script.map(PostgresSettings.redacted),   // a store URL's password stays out
                               trialSettings: settings.storedTrialSettings,
                               evaluation: EvaluatorCatalogue.describe(space: space, evaluator: evaluator)?.json)
        if settings.workers == 0, record.evaluation == nil {
            throw RunError.notDescribable(evaluator: evaluator.descriptor, space: space.name)
        }
        let id = try store.createRun(record)
        return try start(id, strategy: strategy, space: space, evaluator: evaluator, settings: settings,
                         execution: execution, token: token, onEvent: onEvent)
    }

    /// Continues a run that was cancelled or interrupted (its process died), from its last checkpoint.
    ///
    /// `strategy` must be a fresh instance of the run's strategy with the same settings; the
    /// space and evaluator must be the run's (checked by name and descriptor). The store keeps the
    /// objective's metric and direction only: pass `objective` when the run was launched with a richer
    /// objective (MnasNet reward, constraints). The fidelity and early stopping default to the ones the
    /// run was launched with, which the store keeps.
    public func resume(_ id: Int64, strategy: any SearchStrategy, space: any SearchSpace, evaluator: any Evaluator,
                       objective: Objective? = nil, fidelity: Fidelity? = nil, earlyStopping: EarlyStopping? = nil,
                       execution: RunExecution = .background, token: CancellationToken? = nil,
                       onEvent: (@Sendable (RunEvent) -> Void)? = nil) throws -> RunHandle {
        guard let record = try store.run(id) else { throw RunError.noSuchRun(id) }
        if active.withLock({ $0[id].map { !$0.isFinished } ?? false }) { throw RunError.alreadyActive(id) }
        guard record.status.isResumable else { throw RunError.notResumable(id, record.status) }
        try checkSame(id, "strategy", record.strategy, strategy.name)
        try checkSame(id, "strategy settings", describe(record.strategySettings), describe(strategy.settings))
        try checkSame(id, "space", record.space, space.name)
        try checkSame(id, "evaluator", record.evaluator, evaluator.descriptor)
        let recorded = Objective(ranking: record.objectiveMetric, maximise: record.maximise)
        if let objective { try checkSame(id, "objective", recorded.rankingMetric, objective.rankingMetric) }
        let (storedFidelity, storedStopping) = try RunSettings.trialSettings(from: record.trialSettings, run: id)
        let (workers, batch) = try RunSettings.queueSettings(from: record.trialSettings, run: id)
        let settings = RunSettings(objective: objective ?? recorded, budget: record.budget, seed: record.seed,
                                   fidelity: fidelity ?? storedFidelity, script: record.script,
                                   earlyStopping: earlyStopping ?? storedStopping, workers: workers, batch: batch)
        return try start(id, strategy: strategy, space: space, evaluator: evaluator, settings: settings,
                         execution: execution, token: token, onEvent: onEvent)
    }

    /// Marks as `interrupted` the runs recorded as running whose process has ended (killed,
    /// crashed), so `runs` shows them as resumable; returns their ids. Runs of this process and
    /// of other hosts are left alone, since their liveness cannot be told from here.
    @discardableResult
    public func markInterruptedRuns() throws -> [Int64] {
        var marked: [Int64] = []
        for run in try store.allRuns() where run.status == .running {
            if handle(run.id).map({ !$0.isFinished }) ?? false { continue }
            if let owner = run.owner, RunOwner.mayBeAlive(owner) { continue }
            try store.setRunStatus(run.id, .interrupted, error: nil)
            marked.append(run.id)
        }
        return marked
    }

    /// Remembers what launched (or last resumed) a run.
    func remember(_ request: SearchRequest, for id: Int64) { requests.withLock { $0[id] = request } }

    /// What launched (or last resumed) a run in this session, or nil.
    func request(for id: Int64) -> SearchRequest? { requests.withLock { $0[id] } }

    /// The handle of a run started by this manager, or nil.
    public func handle(_ id: Int64) -> RunHandle? {
        active.withLock { $0[id] }
    }

    /// The handles of every run started by this manager, by id.
    public var handles: [RunHandle] {
        active.withLock { $0.values.sorted { $0.id < $1.id } }
    }

    /// Blocks until every run started by this manager has stopped (a script does this before it exits).
    public func waitForAll() {
        for handle in handles { handle.wait() }
    }

    /// Starts the loop of a recorded run, on its own thread or on this one.
    private func start(_ id: Int64, strategy: any SearchStrategy, space: any SearchSpace, evaluator: any Evaluator,
                       settings: RunSettings, execution: RunExecution, token: CancellationToken?,
                       onEvent: (@Sendable (RunEvent) -> Void)?) throws -> RunHandle {
        try store.claimRun(id, owner: RunOwner.current)
        let initial = RunProgress(runID: id, status: .running, budget: settings.budget, objective: settings.objective)
        let handle = RunHandle(id: id, initial: initial, cancellation: token ?? CancellationToken())
        let recorder = StoredRunRecorder(runID: id, store: store, settings: settings, handle: handle, onEvent: onEvent)
        if settings.queuesTrials { recorder.attachQueue(space: space, evaluator: evaluator) }
        let loop = SearchLoop(space: space, evaluator: evaluator, objective: settings.objective, budget: settings.budget,
                              batchSize: settings.batch, seed: settings.seed, fidelity: settings.fidelity, earlyStopping: settings.earlyStopping, keeping: .none)
        let run = StoredRun(loop: loop, strategy: strategy, recorder: recorder, store: store, handle: handle, onEvent: onEvent)
        active.withLock { $0[id] = handle }
        if execution == .callingThread {
            run.run()
            return handle
        }
        let thread = Thread { run.run() }
        thread.name = "naslab-run-\(id)"
        thread.start()
        return handle
    }

    private func checkSupport(_ evaluator: any Evaluator, _ space: any SearchSpace) throws {
        let supported = evaluator.supportedSpaces
        guard supported.isEmpty || supported.contains(space.name) else {
            throw RunError.unsupportedSpace(evaluator: evaluator.descriptor, space: space.name, supported: Array(supported))
        }
    }

    private func checkSame(_ id: Int64, _ what: String, _ recorded: String, _ given: String) throws {
        guard recorded == given else { throw RunError.mismatch(id, what: what, recorded: recorded, given: given) }
    }

    private func describe(_ settings: [String: String]) -> String {
        settings.keys.sorted().map { "\($0)=\(settings[$0]!)" }.joined(separator: " ")
    }
}
