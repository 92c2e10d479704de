/// One setting of a search strategy as the language spells it: name, default and a few words of help.
public struct StrategyParameter: Sendable, Hashable {
    /// The setting's keyword (`population`).
    public var name: String
    /// The value used when the user gives none.
    public var defaultValue: Double
    /// Whether the setting must be a whole number.
    public var isInteger: Bool
    /// The smallest allowed value.
    public var minimum: Double
    /// What it is, for help pages.
    public var help: String

    /// Creates a setting.
    public init(_ name: String, _ defaultValue: Double, integer: Bool = true, minimum: Double = 1, help: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.isInteger = integer
        self.minimum = minimum
        self.help = help
    }
}
