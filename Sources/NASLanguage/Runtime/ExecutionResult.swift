/// What an execution produced: the last value (cell mode), diagnostics and the outcome.
public struct ExecutionResult {
    /// In cell mode, the value of the last statement when it is an expression without `;`.
    public var value: Value?
    /// Errors (and notes) with their source lines attached.
    public var diagnostics: [Diagnostic]
    /// How the execution ended.
    public var outcome: Outcome

    /// Creates a result.
    public init(value: Value? = nil, diagnostics: [Diagnostic] = [], outcome: Outcome = .ok) {
        self.value = value
        self.diagnostics = diagnostics
        self.outcome = outcome
    }

    /// The diagnostics as text for stderr: `file:line:col: error: …`, the line, a caret; one per block.
    public func renderDiagnostics(color: Bool) -> String {
        DiagnosticRenderer.render(diagnostics, color: color)
    }
}
