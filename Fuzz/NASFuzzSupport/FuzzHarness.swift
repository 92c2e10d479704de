import Foundation
import NASCore
import NASEngine
import NASLanguage

/// Runs one fuzz input after another over one registry, cheaply and from a clean state each time.
///
/// The registry (sandboxed, see `Sandbox`) and the watchdog are made once. Each input gets a new
/// `Interpreter` (no variables survive it) over the current `Session`; a session is replaced,
/// and its workspace deleted, only after an input that opened the store, started a job or used a
/// file, so every input starts from an empty workspace without paying for one. Each input runs
/// under a step limit and a time budget: the watchdog raises the session's interrupt when the
/// budget is spent, the way Ctrl-C would, so long searches and training stop early.
public final class FuzzHarness {
    /// The most statements, loop iterations and calls one input may run.
    public var stepLimit = 5_000
    /// Wall-clock seconds an input may run before the watchdog interrupts it.
    public var timeBudget = 0.05
    /// How many inputs have run.
    public private(set) var inputs = 0
    /// Wall-clock seconds the last input took, checks and clean-up included.
    public private(set) var lastSeconds = 0.0
    /// The running times of every input so far.
    public private(set) var times = TimeHistogram()

    /// The folder every input runs in (its files) and under which workspaces are made.
    public let scratch: URL
    private let registry: BuiltinRegistry
    private let watchdog = Watchdog()
    private let fileUse = FileUseFlag()
    private var session: Session

    /// Creates the harness in a new scratch folder under `root` and, unless `enter` is false (tests
    /// share their process), makes it the current directory, so that the file names the sandbox
    /// lets through resolve inside it.
    public init(root: URL, enter: Bool = true) throws {
        scratch = root.appendingPathComponent("naslab-fuzz-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))",
                                              isDirectory: true)
        try? FileManager.default.removeItem(at: scratch)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        guard !enter || FileManager.default.changeCurrentDirectoryPath(scratch.path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: scratch.path])
        }
        let flag = fileUse
        registry = Sandbox.registry { flag.raise() }
        session = Session(workspace: scratch.appendingPathComponent(".naslab", isDirectory: true))
    }

    deinit { try? FileManager.default.removeItem(at: scratch) }

    /// The preferred root: `/dev/shm` where there is one (the store writes there cost no disk), else the temp folder.
    public static var defaultRoot: URL {
        let shm = URL(fileURLWithPath: "/dev/shm", isDirectory: true)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: shm.path, isDirectory: &isDirectory), isDirectory.boolValue { return shm }
        return URL(fileURLWithPath: NSTemporaryDirectory(), isDirectory: true)
    }

    /// How many inputs the watchdog has interrupted.
    public var interruptions: Int { watchdog.firings }

    /// Runs one input and returns its result; `variant` picks the mode (script or cell) and colour.
    ///
    /// Also checks the language's one promise to every input: an outcome other than `.ok` comes
    /// with a diagnostic. A broken promise stops the process (a crash to libFuzzer).
    @discardableResult
    public func run(_ source: String, variant: Int) -> ExecutionResult {
        let started = DispatchTime.now().uptimeNanoseconds
        defer {
            lastSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            times.add(lastSeconds)
        }
        inputs += 1
        let interpreter = Interpreter(session: session, registry: registry) { _ in }
        interpreter.stepLimit = stepLimit
        _ = Interpreter.isComplete(source)
        _ = interpreter.completions(for: source, cursor: source.utf8.count / 2)
        watchdog.arm(session.interrupt, seconds: timeBudget)
        let result = interpreter.execute(source, file: "fuzz.nas", mode: variant % 2 == 0 ? .script : .cell)
        session.cancelRuns()
        watchdog.disarm()
        let rendered = result.renderDiagnostics(color: variant % 3 == 0)
        if result.outcome != .ok && rendered.isEmpty { fatalError("an error outcome without a diagnostic") }
        cleanUp()
        return result
    }

    /// Replaces the session and clears the scratch folder if the input left anything behind.
    private func cleanUp() {
        let usedFiles = fileUse.lower()
        guard usedFiles || session.openedRuns != nil || !session.jobs.jobs.isEmpty else { return }
        let fileManager = FileManager.default
        for name in (try? fileManager.contentsOfDirectory(atPath: scratch.path)) ?? [] {
            try? fileManager.removeItem(at: scratch.appendingPathComponent(name))
        }
        session = Session(workspace: scratch.appendingPathComponent(".naslab", isDirectory: true))
    }
}
