import Foundation
import NASCore
import NASSpaces
import NASStore
import Synchronization

/// A queue worker: claims pending trials from the store, evaluates them and writes their results, on
/// `concurrency` threads, until told to stop or idle for long enough.
///
/// The same worker serves both kinds: `naslab worker` processes, which rebuild each run's space and
/// evaluator from the description the run keeps (`EvaluatorCatalogue.rebuild`), and a run's in-process
/// workers, which are handed the driver's own (`resolver`). Each thread claims under its own id
/// (`<name>/<slot>`), one trial at a time (several while trials are quick, completed together), with a lease
/// that a heartbeat thread renews every third of it;
/// a worker killed outright stops renewing, and its trial is claimed again once the lease ends. A trial
/// whose evaluator cannot be rebuilt is completed as failed with the reason, and the worker moves on.
/// Stopping (`stop` cancelled, SIGTERM in the CLI) cancels the evaluations under way and puts their
/// trials back to pending.
public final class QueueWorker: Sendable {
    /// How a worker works.
    public struct Options: Sendable {
        /// Threads, each evaluating one trial at a time.
        public var concurrency: Int
        /// The runs whose trials it takes (every running run when nil).
        public var runs: [Int64]?
        /// Seconds a claim lasts without a heartbeat.
        public var lease: Double
        /// Seconds between looks at an empty queue.
        public var poll: Double
        /// Stop after this many seconds with nothing to claim (never when nil).
        public var idleExit: Double?
        /// The most trials a thread claims at once (while trials are quick; one at a time otherwise).
        public var claimLimit: Int

        /// Options.
        public init(concurrency: Int = 1, runs: [Int64]? = nil, lease: Double = 30, poll: Double = 0.05, idleExit: Double? = nil,
                    claimLimit: Int = 16) {
            self.concurrency = concurrency
            self.runs = runs
            self.lease = lease
            self.poll = poll
            self.idleExit = idleExit
            self.claimLimit = claimLimit
        }
    }

    /// A run's space and evaluator, as a worker evaluates its trials with them.
    public typealias Resolved = (space: any SearchSpace, evaluator: any Evaluator)
    /// Finds a run's space and evaluator by the run's id.
    public typealias Resolver = @Sendable (Int64) throws -> Resolved

    /// The store the queue lives in.
    public let store: any ExperimentStore
    /// The worker's name (`host:pid`, or the run's for in-process workers); each thread adds `/slot`.
    public let name: String
    /// How it works.
    public let options: Options
    private let resolver: Resolver
    private let log: @Sendable (String) -> Void
    /// Rung by the run's driver when it queues trials, and rung here when a trial is completed (in-process workers);
    /// without it, the worker waits on the store's `queuedDoorbell` (PostgreSQL: rung when any process queues trials).
    let doorbell: QueueDoorbell?
    /// Each run's space and evaluator (or why they cannot be had), resolved once.
    private let resolved = Mutex<[Int64: Result<Box, WorkerError>]>([:])
    /// Trials completed and results dropped (another worker had taken the trial over).
    private let counts = Mutex<(completed: Int, dropped: Int)>((0, 0))

    /// A worker; `resolver` defaults to rebuilding each run's space and evaluator from the store.
    public convenience init(store: any ExperimentStore, name: String, options: Options = Options(), resolver: Resolver? = nil,
                            log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.init(store: store, name: name, options: options, resolver: resolver, doorbell: nil, log: log)
    }

    /// A worker that waits on `doorbell` instead of sleeping when the queue is empty, and rings it on each completion.
    init(store: any ExperimentStore, name: String, options: Options, resolver: Resolver?, doorbell: QueueDoorbell?,
         log: @escaping @Sendable (String) -> Void) {
        self.doorbell = doorbell
        self.store = store
        self.name = name
        self.options = options
        self.resolver = resolver ?? { try QueueWorker.rebuild(run: $0, from: store) }
        self.log = log
    }

    /// A worker over the store at `location`: a SQLite file's path (or `sqlite:PATH`, `file:PATH`); `name`
    /// defaults to `host:pid`.
    public convenience init(storeLocation location: String, name: String? = nil, options: Options = Options(),
                            log: @escaping @Sendable (String) -> Void = { _ in }) throws {
        try self.init(store: QueueWorker.openStore(location), name: name ?? RunOwner.current, options: options, log: log)
    }

    /// What is wrong with a store location as typed, or nil when it can be read.
    public static func problem(withLocation text: String) -> String? {
        do { _ = try StoreLocation.parse(text); return nil } catch { return "\(error)" }
    }

    /// A store location as it may be printed: a PostgreSQL password is replaced by `***`.
    public static func shownLocation(_ text: String) -> String { (try? StoreLocation.parse(text).description) ?? "the store given" }

    /// The store a location names (`StoreLocation`: a PostgreSQL URL, `sqlite:PATH` or a path). A
    /// worker works on an existing SQLite store (the driver's `.naslab/store.sqlite`), never a new one.
    static func openStore(_ text: String) throws -> any ExperimentStore {
        let location = try StoreLocation.parse(text)
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            throw StoreError.database("no store at \(path) (a worker works on an existing store: the driver's .naslab/store.sqlite)")
        }
        // A driver that has just created the store may still be migrating it: try again for a moment.
        for attempt in 1...10 {
            do { return try location.open() } catch where attempt < 10 { Thread.sleep(forTimeInterval: 0.3) }
        }
        return try location.open()
    }

    /// The first wait of a poll that found nothing; later ones double up to the poll interval.
    static let firstPoll = 0.002

    /// The trials this worker completed so far.
    public var completed: Int { counts.withLock { $0.completed } }

    /// Works until `stop` is cancelled or every thread has been idle for `idleExit`; then releases what it
    /// holds and returns. Blocks the calling thread.
    public func run(stop: CancellationToken) {
        let slots = (1...max(1, options.concurrency)).map { "\(name)/\($0)" }
        let finished = slots.map { _ in CancellationToken() }
        for (slot, done) in zip(slots, finished) {
            Thread { [self] in
                work(as: slot, stop: stop)
                done.cancel()
            }.start()
        }
        let beat = max(0.02, options.lease / 3)
        var lastBeat = Date()
        while !finished.allSatisfy(\.isCancelled) {
            Thread.sleep(forTimeInterval: 0.02)
            if Date().timeIntervalSince(lastBeat) >= beat {
                lastBeat = Date()
                for slot in slots { _ = try? store.renewLeases(worker: slot, lease: options.lease, now: Date().timeIntervalSince1970) }
            }
        }
        for slot in slots where ((try? store.releaseTrials(worker: slot)) ?? 0) > 0 {
            log("\(slot) released its trial (back to pending)")
        }
    }

    /// One thread's loop: claim, evaluate, complete.
    ///
    /// An idle thread polls the store at first every 2 ms, doubling the wait up to `options.poll` while
    /// nothing comes: busy queues are served at once, an idle one costs a query per poll interval. A thread
    /// claims one trial at a time while trials take long; while they are quick (tabular), it claims twice as
    /// many each time, up to `options.claimLimit`, and completes them together (`evaluate`).
    private func work(as slot: String, stop: CancellationToken) {
        var idleSince = Date()
        var wait = QueueWorker.firstPoll
        var claimSize = 1
        while !stop.isCancelled {
            let bell = doorbell ?? store.queuedDoorbell
            let generation = bell?.generation ?? 0
            let claimed: [TrialRecord]
            do {
                claimed = try store.claimTrials(worker: slot, limit: claimSize, runs: options.runs, lease: options.lease,
                                                now: Date().timeIntervalSince1970)
            } catch {
                log("\(slot) cannot claim: \(error)")
                claimed = []
            }
            guard !claimed.isEmpty else {
                if let idle = options.idleExit, Date().timeIntervalSince(idleSince) >= idle { return }
                if let bell { bell.wait(after: generation, timeout: wait) } else {
                    Thread.sleep(forTimeInterval: wait)
                }
                wait = min(wait * 2, options.poll)
                continue
            }
            let clock = Date()
            evaluate(claimed, as: slot, stop: stop)
            let quick = Date().timeIntervalSince(clock) < QueueWorker.quickTrial * Double(claimed.count)
            claimSize = quick ? min(claimSize * 2, max(1, options.claimLimit)) : 1
            idleSince = Date()
            wait = QueueWorker.firstPoll
        }
    }

    /// Seconds under which a trial counts as quick: a thread then claims several at a time.
    static let quickTrial = 0.005
    /// The longest a thread keeps an evaluated result to complete it with the next ones.
    static let holdLimit = 0.05

    /// Evaluates claimed trials in order and writes their results, several in one transaction: those evaluated
    /// are written together after the last, or before the next evaluation once keeping them longer (by the mean
    /// evaluation so far) would pass `holdLimit`. A worker that is stopping writes what it evaluated and leaves
    /// the rest (released when it stops).
    private func evaluate(_ trials: [TrialRecord], as slot: String, stop: CancellationToken) {
        var evaluated: [TrialRecord] = []
        var heldSince = Date()
        let clock = Date()
        for (index, trial) in trials.enumerated() {
            let mean = Date().timeIntervalSince(clock) / Double(max(1, index))
            if !evaluated.isEmpty, Date().timeIntervalSince(heldSince) + mean > QueueWorker.holdLimit {
                complete(evaluated, as: slot)
                evaluated = []
            }
            log("\(slot) claimed run \(trial.runID) trial \(trial.sequence) \(trial.architecture)")
            let result = result(of: trial, stop: stop)
            if result.status == .cancelled || stop.isCancelled { break }
            var record = trial
            record.record(result, score: nil, cached: false)
            if evaluated.isEmpty { heldSince = Date() }
            evaluated.append(record)
        }
        complete(evaluated, as: slot)
    }

    /// Writes the results of trials this thread holds in one transaction (`completeTrials`); a result whose trial
    /// another worker took over is dropped.
    private func complete(_ records: [TrialRecord], as slot: String) {
        guard !records.isEmpty else { return }
        do {
            let written = try store.completeTrials(records, worker: slot)
            counts.withLock { $0.completed += written.count; $0.dropped += records.count - written.count }
            if !written.isEmpty { doorbell?.ring() }
            for record in records {
                if written.contains(record.id) {
                    log("\(slot) finished run \(record.runID) trial \(record.sequence): \(summary(record.result))")
                } else {
                    log("\(slot) dropped its result of run \(record.runID) trial \(record.sequence): another worker took it over")
                }
            }
        } catch {
            for record in records { log("\(slot) cannot record run \(record.runID) trial \(record.sequence): \(error)") }
        }
    }

    /// What evaluating a claimed trial gives: the evaluator's result, or a failed one that says why.
    private func result(of trial: TrialRecord, stop: CancellationToken) -> TrialResult {
        let clock = Date()
        do {
            let run = try resolve(trial.runID)
            let architecture = try run.space.parse(trial.architecture)
            var result = try run.evaluator.evaluate(architecture, in: run.space, fidelity: trial.fidelity, seed: trial.seed,
                                                    cancel: stop)
            if result.wallSeconds == 0 { result.wallSeconds = Date().timeIntervalSince(clock) }
            return result
        } catch is CancellationError {
            var cancelled = TrialResult.failed("cancelled")
            cancelled.status = .cancelled
            return cancelled
        } catch {
            return .failed("\(error)", wallSeconds: Date().timeIntervalSince(clock))
        }
    }

    /// A run's space and evaluator, resolved on first use.
    private func resolve(_ run: Int64) throws -> Resolved {
        let known = resolved.withLock { $0[run] }
        let outcome = known ?? {
            let fresh: Result<Box, WorkerError>
            do { fresh = .success(Box(try resolver(run))) } catch let error as WorkerError { fresh = .failure(error) } catch {
                fresh = .failure(.cannotRebuild("\(error)"))
            }
            resolved.withLock { $0[run] = fresh }
            return fresh
        }()
        return try outcome.get().value
    }

    /// The result's main numbers for the log line.
    private func summary(_ result: TrialResult) -> String {
        if result.status == .failed { return "failed: \(result.error ?? "unknown error")" }
        let shown = ["accuracy", "latency", "loss"].compactMap { key in result.value(of: key).map { "\(key) \(MetricCatalogue.quantity(key, $0))" } }
        return shown.isEmpty ? result.status.rawValue : shown.joined(separator: ", ")
    }

    /// A run's space and evaluator rebuilt from the description it keeps, checked against its recorded names.
    static func rebuild(run id: Int64, from store: any ExperimentStore) throws -> Resolved {
        guard let record = try store.run(id) else { throw WorkerError.cannotRebuild("run \(id) is not in the store") }
        guard let text = record.evaluation else {
            throw WorkerError.cannotRebuild("run \(id)'s evaluator (\(record.evaluator)) has no stored description, so only "
                + "the process that launched it can evaluate its trials (launch it with workers: 1 or more)")
        }
        let rebuilt = try EvaluatorCatalogue.rebuild(try EvaluationDescription(json: text))
        guard rebuilt.space.name == record.space, rebuilt.evaluator.descriptor == record.evaluator else {
            throw WorkerError.cannotRebuild("the rebuilt \(rebuilt.space.name) space and \(rebuilt.evaluator.descriptor) are not "
                + "run \(id)'s \(record.space) space and \(record.evaluator)")
        }
        return rebuilt
    }

    /// A resolved run, in a class so that it can sit in the lock's dictionary.
    private final class Box: Sendable {
        let value: Resolved
        init(_ value: Resolved) { self.value = value }
    }
}
