import Foundation
import NASCore
import NASEngine

/// Runs naslab source: parses it, walks the tree, prints what scripts print.
///
/// The interpreter owns the language's variables (the global scope) and holds the
/// `Session`, which owns the workspace, the interrupt flag and the jobs; builtins reach the
/// engine only through that session. One interpreter serves one REPL or one script run,
/// and is used from one thread at a time.
public final class Interpreter {
    /// The engine session every command runs against.
    public let session: Session
    /// The builtins and help topics.
    public let registry: BuiltinRegistry
    /// Whether rendered values use ANSI colours (the REPL sets it; scripts leave it off).
    public var color = false
    /// The width values are fitted to when rendered.
    public var width = 100
    /// The most statements, loop iterations and calls one `execute` may run; nil for no limit.
    /// Tests and fuzzing set it so that no input can run forever.
    public var stepLimit: Int?
    /// The deepest nesting of user function calls before the script stops with an error.
    public var maxCallDepth = 200
    /// Called with each top-level statement's range just before it runs; a notebook uses it to
    /// know which cell the output that follows belongs to.
    public var onStatement: ((SourceRange) -> Void)?
    /// Shows a value a script autoprints; when nil, its rendering is written to the output. A
    /// notebook sets it to keep the value itself (a table's rows, a plot's SVG) besides its text.
    public var showValue: ((Value) -> Void)?

    let output: (String) -> Void
    let globals = Environment()
    var callDepth = 0
    var steps = 0
    var currentFile = "<input>"
    /// The call of the builtin now running; errors of functions it invokes point here.
    var currentCallRange = SourceRange.zero
    /// The text being run (kept with the runs it launches).
    var currentSource = ""
    /// The file and text being run, as functions defined now remember them.
    var currentOrigin: SourceOrigin { SourceOrigin(file: currentFile, source: currentSource) }

    /// Creates an interpreter with the standard builtins; `output` receives printed text, newlines included.
    public convenience init(session: Session, output: @escaping (String) -> Void) {
        self.init(session: session, registry: .standard(), output: output)
    }

    /// Creates an interpreter with a given registry.
    public init(session: Session, registry: BuiltinRegistry, output: @escaping (String) -> Void) {
        self.session = session
        self.registry = registry
        self.output = output
    }

    // MARK: - Running

    /// Parses and runs `source`; `file` names it in diagnostics.
    ///
    /// Resets `session.interrupt` first, so a Ctrl-C pressed at an idle prompt does not stop the
    /// next cell. Runs on a thread with a large stack, so deep (but bounded) recursion is safe.
    /// Parse errors stop before anything runs (all of them are reported); the first runtime
    /// error stops the rest.
    public func execute(_ source: String, file: String, mode: ExecutionMode) -> ExecutionResult {
        session.interrupt.reset()
        var result: ExecutionResult?
        LargeStackExecutor.shared.run { result = self.run(source, file: file, mode: mode) }
        return result ?? ExecutionResult(diagnostics: [], outcome: .scriptError)
    }

    /// Reads and runs a script file in script mode; a missing or unreadable file gives `.inputMissing`.
    public func executeFile(at path: String) -> ExecutionResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read it" : "no such file"
            let d = Diagnostic(message: "cannot open '\(path)': \(reason)", file: path, range: nil)
            return ExecutionResult(diagnostics: [d], outcome: .inputMissing)
        }
        return execute(String(decoding: data, as: UTF8.self), file: path, mode: .script)
    }

    /// Whether `source` is a complete input or needs more lines (open brackets, an unterminated
    /// string, a trailing operator, `|`, `,` or `else`). The REPL and the file runner share it.
    public static func isComplete(_ source: String) -> Bool {
        Completeness.isComplete(source)
    }

    // MARK: - Variables

    /// Sets a global variable (the REPL sets `_` and `_1`, `_2`, …).
    public func setVariable(_ name: String, _ value: Value) { globals.define(name, value) }

    /// A global variable's value.
    public func variable(_ name: String) -> Value? { globals.lookup(name) }

    /// The global variable names, sorted.
    public var variableNames: [String] { globals.values.keys.sorted() }

    /// One line per global variable: name, type and a short rendering (for `.vars`).
    public func describeVariables() -> String {
        let names = variableNames
        guard !names.isEmpty else { return "(no variables)" }
        let width = min(16, names.map(\.count).max() ?? 0)
        let typeWidth = names.map { globals.lookup($0)!.typeName.count }.max() ?? 0
        return names.map { name in
            let value = globals.lookup(name)!
            let text = Self.oneLine(value.inline(depth: 0), width: 60)
            return name.padding(toLength: max(width, name.count), withPad: " ", startingAt: 0)
                + "  " + value.typeName.padding(toLength: typeWidth, withPad: " ", startingAt: 0) + "  " + text
        }.joined(separator: "\n")
    }

    /// Forgets every variable and function the user defined.
    public func reset() { globals.removeAll() }

    // MARK: - Internals shared by the extensions

    func run(_ source: String, file: String, mode: ExecutionMode) -> ExecutionResult {
        currentFile = file
        currentSource = source
        steps = 0
        callDepth = 0
        let (statements, parseDiagnostics) = Parser.parse(source, file: file)
        if !parseDiagnostics.isEmpty {
            return ExecutionResult(diagnostics: DiagnosticRenderer.attachSource(parseDiagnostics, source: source), outcome: .scriptError)
        }
        var lastValue: Value?
        for (i, statement) in statements.enumerated() {
            do {
                onStatement?(statement.range)
                let flow = try execute(statement, in: globals)
                lastValue = nil
                switch flow {
                case .normal(let value):
                    guard let value, !statement.suppressed else { break }
                    if mode == .script, !value.isNone { show(value) }
                    if mode == .cell, i == statements.count - 1 { lastValue = value }
                case .returned:
                    throw RuntimeError("'return' outside a function", at: statement.range)
                case .broke(let range):
                    throw RuntimeError("'break' outside a loop", at: range)
                case .continued(let range):
                    throw RuntimeError("'continue' outside a loop", at: range)
                }
            } catch let error as RuntimeError {
                if mode == .script { session.cancelRuns() }
                return failure(error)
            } catch {
                if mode == .script { session.cancelRuns() }
                return failure(RuntimeError("internal error: \(error)", at: statement.range, kind: .system))
            }
        }
        if mode == .script { session.waitForRuns() }
        return ExecutionResult(value: lastValue, diagnostics: [], outcome: .ok)
    }

    /// The result of a run stopped by `error`, quoting the line it happened on (from the function's
    /// own source when the error is inside a function defined earlier).
    private func failure(_ error: RuntimeError) -> ExecutionResult {
        let origin = error.origin ?? currentOrigin
        let d = Diagnostic(message: error.message, file: origin.file, range: error.range, sourceLine: origin.line(error.range.line))
        let outcome: Outcome
        switch error.kind {
        case .error: outcome = .scriptError
        case .assertion: outcome = .assertionFailed
        case .inputMissing: outcome = .inputMissing
        case .interrupted: outcome = .interrupted
        case .system: outcome = .systemFailure
        }
        return ExecutionResult(diagnostics: [d], outcome: outcome)
    }

    /// Text on one line, cut with `…` at `width` characters.
    static func oneLine(_ s: String, width: Int) -> String {
        let flat = String(s.map { $0.isNewline ? " " : $0 })
        return flat.count > width ? String(flat.prefix(width - 1)) + "…" : flat
    }

    /// Autoprints a value: hands it to `showValue`, or writes its rendering.
    private func show(_ value: Value) {
        if let showValue { showValue(value) } else { write(value.render(width: width, color: color) + "\n") }
    }

    /// Sends text to the output.
    func write(_ text: String) { output(text) }

    /// Counts one step and stops on Ctrl-C or when the step limit is reached.
    func tick(_ range: SourceRange) throws {
        steps += 1
        if session.interrupt.isCancelled { throw RuntimeError("interrupted", at: range, kind: .interrupted) }
        if let stepLimit, steps > stepLimit {
            throw RuntimeError("stopped after \(stepLimit) steps (the step limit)", at: range)
        }
    }
}
