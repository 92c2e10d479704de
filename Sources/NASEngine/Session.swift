import Foundation
import NASCore
import NASStore

/// One user's working session: the workspace folder, the interrupt flag and the running jobs.
///
/// Every command of the REPL and of a script is executed against a session; the language
/// layer (`NASLanguage.Interpreter`) owns the variables and holds one session, and never
/// reaches below it. The session stays small on purpose: run management, stores and
/// evaluators hang off it in their own files.
public final class Session: @unchecked Sendable {
    /// The `.naslab` folder that holds this session's files; created on first write.
    public let workspace: URL
    /// The flag the front end raises on Ctrl-C; long work polls it and stops early.
    public let interrupt: CancellationToken
    /// The background and foreground jobs started in this session.
    public let jobs: JobRegistry

    private let lock = NSLock()
    private var progressHandler: (@Sendable (ProgressEvent) -> Void)?
    private var runManager: RunManager?
    private var chosenStore: StoreLocation?

    /// Creates a session over a workspace folder (it is not created until something is written).
    public init(workspace: URL) {
        self.workspace = workspace
        self.interrupt = CancellationToken()
        self.jobs = JobRegistry()
        self.jobs.sink = { [weak self] event in self?.deliver(event) }
    }

    /// The default workspace: `.naslab` in the current working directory.
    public static func defaultWorkspace() -> URL {
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
            .appendingPathComponent(".naslab", isDirectory: true)
    }

    /// Receives the progress events of every job; the front end draws them (or ignores them).
    public var onProgress: (@Sendable (ProgressEvent) -> Void)? {
        get { lock.withLock { progressHandler } }
        set { lock.withLock { progressHandler = newValue } }
    }

    /// Returns the workspace folder, creating it (and its parents) the first time it is needed.
    @discardableResult
    public func ensureWorkspace() throws -> URL {
        do {
            try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        } catch {
            throw WorkspaceError.creating(workspace, error)
        }
        return workspace
    }

    /// Runs `work` as a foreground job: progress goes to `onProgress`, and Ctrl-C cancels it.
    ///
    /// The work polls `context.token` (or calls `context.check()`); when the session's
    /// interrupt fires, the job's token is cancelled too and the job ends `.cancelled`.
    public func runForeground<T>(_ name: String, _ work: (JobContext) throws -> T) throws -> T {
        try jobs.runForeground(name: name, interrupt: interrupt, work)
    }

    /// The run manager over the session's store, opened on first use: the one `useStore` chose,
    /// else the workspace's `<workspace>/store.sqlite`. Runs left `running` by a process that has
    /// died are then marked `interrupted`.
    public func runs() throws -> RunManager {
        try lock.withLock {
            if let runManager { return runManager }
            let manager: RunManager
            if let chosenStore {
                do {
                    manager = RunManager(store: try chosenStore.open())
                    try manager.markInterruptedRuns()
                } catch {
                    throw StoreOpenError(location: chosenStore, error)
                }
            } else {
                let store = try ensureWorkspace().appendingPathComponent("store.sqlite")
                do {
                    manager = RunManager(store: try SQLiteStore(path: store.path))
                    try manager.markInterruptedRuns()
                } catch {
                    throw WorkspaceError.openingStore(store, error)
                }
            }
            runManager = manager
            return manager
        }
    }

    /// Chooses the store this session opens (a PostgreSQL database, another SQLite file);
    /// refused once the store is open, since runs already recorded would be split between two stores.
    public func useStore(_ location: StoreLocation) throws {
        try lock.withLock {
            if runManager != nil, chosenStore != location {
                throw StoreOpenError.alreadyOpen(current: chosenStore, wanted: location)
            }
            chosenStore = location
        }
    }

    /// Chooses the store by its URL or path (see `StoreLocation.parse`); the error of a location
    /// that cannot be read never shows a password.
    public func useStore(url text: String) throws {
        let location: StoreLocation
        do { location = try StoreLocation.parse(text) } catch {
            throw StoreOpenError(unreadable: error)
        }
        try useStore(location)
    }

    /// The store the session uses (or will open): the chosen one, else the workspace's SQLite file.
    public var storeLocation: StoreLocation {
        lock.withLock { chosenStore ?? .sqlite(path: workspace.appendingPathComponent("store.sqlite").path) }
    }

    /// The run manager if the store was opened in this session, without opening it.
    public var openedRuns: RunManager? { lock.withLock { runManager } }

    private func deliver(_ event: ProgressEvent) {
        onProgress?(event)
    }
}
