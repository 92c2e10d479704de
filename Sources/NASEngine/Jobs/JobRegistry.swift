import Foundation
import NASCore

/// The jobs of one session: starts them, numbers them, forwards their progress.
public final class JobRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var all: [Job] = []
    private var nextID = 1
    private var progressSink: (@Sendable (ProgressEvent) -> Void)?

    /// Creates an empty registry.
    public init() {}

    /// Where progress events go (the session forwards them to its front end).
    public var sink: (@Sendable (ProgressEvent) -> Void)? {
        get { lock.withLock { progressSink } }
        set { lock.withLock { progressSink = newValue } }
    }

    /// Every job started so far, oldest first.
    public var jobs: [Job] { lock.withLock { all } }

    /// The job with this id, if any.
    public func job(_ id: Int) -> Job? { lock.withLock { all.first { $0.id == id } } }

    /// Starts `work` on a background thread and returns its job at once.
    @discardableResult
    public func launch(name: String, _ work: @escaping @Sendable (JobContext) throws -> Void) -> Job {
        let job = makeJob(name: name)
        let context = makeContext(for: job)
        let thread = Thread { [weak self] in
            let status = Self.run(work, context)
            self?.end(job, status)
        }
        thread.stackSize = 16 << 20
        thread.start()
        return job
    }

    /// Runs `work` on the calling thread as a job that `interrupt` can cancel, and returns its result.
    ///
    /// A watcher forwards `interrupt` to the job's token every 10 ms while the work runs.
    /// Errors from the work are rethrown after the job is marked failed or cancelled.
    public func runForeground<T>(name: String, interrupt: CancellationToken, _ work: (JobContext) throws -> T) throws -> T {
        let job = makeJob(name: name)
        let context = makeContext(for: job)
        let watcher = InterruptWatcher(interrupt: interrupt, job: job)
        defer { watcher.stop() }
        do {
            let value = try work(context)
            end(job, job.token.isCancelled ? .cancelled : .succeeded)
            return value
        } catch is CancellationError {
            end(job, .cancelled)
            throw CancellationError()
        } catch {
            end(job, .failed(String(describing: error)))
            throw error
        }
    }

    private func makeJob(name: String) -> Job {
        lock.withLock {
            let job = Job(id: nextID, name: name)
            nextID += 1
            all.append(job)
            return job
        }
    }

    private func makeContext(for job: Job) -> JobContext {
        JobContext(jobID: job.id, name: job.name, token: job.token) { [weak self, weak job] event in
            job?.record(event)
            self?.sink?(event)
        }
    }

    private static func run(_ work: @Sendable (JobContext) throws -> Void, _ context: JobContext) -> JobStatus {
        do {
            try work(context)
            return context.token.isCancelled ? .cancelled : .succeeded
        } catch is CancellationError {
            return .cancelled
        } catch {
            return .failed(String(describing: error))
        }
    }

    private func end(_ job: Job, _ status: JobStatus) {
        let last = job.progress
        let event = ProgressEvent(jobID: job.id, job: job.name, done: last?.done ?? 0, total: last?.total,
                                  message: status.word, isFinal: true)
        job.record(event)
        sink?(event)
        job.finish(status)
    }
}

/// Forwards a session interrupt to one job's token while that job runs in the foreground.
final class InterruptWatcher: @unchecked Sendable {
    private let stopped = CancellationToken()

    init(interrupt: CancellationToken, job: Job) {
        let stopped = self.stopped
        let thread = Thread {
            while !stopped.isCancelled {
                if interrupt.isCancelled { job.cancel(); return }
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
        thread.start()
    }

    func stop() { stopped.cancel() }
}
