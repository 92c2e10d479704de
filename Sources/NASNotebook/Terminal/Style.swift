/// ANSI colours for the terminal, or none.
public struct Style: Sendable, Equatable {
    /// Whether escapes are written at all.
    public let enabled: Bool

    /// Creates a style; with `enabled == false` every function returns its text unchanged.
    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Text in green (input prompts).
    public func green(_ text: String) -> String { wrap(text, code: "32") }
    /// Text in red (output prompts, errors).
    public func red(_ text: String) -> String { wrap(text, code: "31") }
    /// Text dimmed (continuation prompts, timings).
    public func dim(_ text: String) -> String { wrap(text, code: "2") }
    /// Text in bold.
    public func bold(_ text: String) -> String { wrap(text, code: "1") }

    private func wrap(_ text: String, code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
