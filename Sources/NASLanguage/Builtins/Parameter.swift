/// One parameter of a builtin: name, accepted kind, default, and a few words of help.
public struct Parameter {
    /// The name; also the keyword (`seed:`).
    public var name: String
    /// The accepted kind, checked before the builtin runs.
    public var kind: ValueKind
    /// The default; nil means the argument is required. Use `.none` for "optional, no default".
    public var defaultValue: Value?
    /// A few words for `help` (what it is, its unit).
    public var help: String
    /// Whether it may only be given by keyword (it never takes a positional argument).
    public var keywordOnly: Bool

    /// Creates a parameter.
    public init(_ name: String, _ kind: ValueKind = .any, default defaultValue: Value? = nil,
                keywordOnly: Bool = false, help: String = "") {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.help = help
        self.keywordOnly = keywordOnly
    }

    /// Whether the caller must give it.
    public var isRequired: Bool { defaultValue == nil }

    /// How it appears in a signature: `seed: int = 0`.
    public var signatureText: String {
        var text = "\(name): \(kind.tag)"
        if let defaultValue { text += " = \(defaultValue.inline(depth: 0))" }
        return text
    }
}
