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
    /// How many of the first inputs are seeds: they run under `seedBudget` and are always kept.
    public var seedCount = 0
    /// The time budget of a seed; a long one lets slow seeds (training, golden scripts) finish once.
    public var seedBudget = 0.05
    /// Inputs slower than this many seconds should not join the corpus, so that mutation dwells on fast ones.
    public var keepLimit = 0.02
    /// How many inputs have run.
    public private(set) var inputs = 0
    /// Wall-clock seconds the last input took, checks and clean-up included.
    public private(set) var lastSeconds = 0.0
    /// The running times of every input so far.
    public private(set) var times = TimeHistogram()
    /// How many inputs ended each way.
    public private(set) var outcomes: [Outcome: Int] = [:]

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
        watchdog.arm(session.interrupt, seconds: inputs <= seedCount ? seedBudget : timeBudget)
        let result = interpreter.execute(source, file: "fuzz.nas", mode: variant % 2 == 0 ? .script : .cell)
        session.cancelRuns()
        watchdog.disarm()
        let rendered = result.renderDiagnostics(color: variant % 3 == 0)
        if result.outcome != .ok && rendered.isEmpty { fatalError("an error outcome without a diagnostic") }
        outcomes[result.outcome, default: 0] += 1
        cleanUp()
        return result
    }

    /// Whether the last input should join the corpus: a seed always, another input when it ran within `keepLimit`.
    public var keepsLast: Bool { inputs <= seedCount || lastSeconds <= keepLimit }

    /// Reads the settings from `NASLAB_FUZZ_BUDGET_MS`, `NASLAB_FUZZ_SEED_BUDGET_MS`, `NASLAB_FUZZ_KEEP_MS`
    /// and `NASLAB_FUZZ_SEEDS`; a seed's budget defaults to the input budget.
    public func configure(from environment: [String: String]) {
        func seconds(_ name: String) -> Double? { environment[name].flatMap(Double.init).map { $0 / 1000 } }
        timeBudget = seconds("NASLAB_FUZZ_BUDGET_MS") ?? timeBudget
        seedBudget = seconds("NASLAB_FUZZ_SEED_BUDGET_MS") ?? timeBudget
        keepLimit = seconds("NASLAB_FUZZ_KEEP_MS") ?? keepLimit
        seedCount = environment["NASLAB_FUZZ_SEEDS"].flatMap { Int($0) } ?? seedCount
    }

    /// A summary for the end of a session: inputs, interruptions, outcomes and the spread of times.
    public var report: String {
        let ended = outcomes.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return "\(inputs) inputs, \(interruptions) interrupted by the time budget\nended: \(ended)\n\(times.report)"
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
