/// One setting of a search strategy as users spell it: name, default, limits and a few words of help.
public struct StrategyParameter: Sendable, Hashable {
    /// The setting's keyword (`population`).
    public var name: String
    /// The value used when the user gives none.
    public var defaultValue: Double
    /// Whether the setting must be a whole number.
    public var isInteger: Bool
    /// The smallest allowed value.
    public var minimum: Double
    /// The largest allowed value.
    public var maximum: Double
    /// What it is, for help pages.
    public var help: String

    /// Creates a setting.
    public init(_ name: String, _ defaultValue: Double, integer: Bool = true, minimum: Double = 1,
                maximum: Double = 1e9, help: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.isInteger = integer
        self.minimum = minimum
        self.maximum = maximum
        self.help = help
    }

    /// Throws unless `value` is a valid value of this setting of `strategy`.
    func check(_ value: Double, strategy: String) throws {
        guard value.isFinite, value >= minimum else {
            throw StrategyError("\(strategy)'s \(name) must be at least \(Self.plain(minimum)), got \(Self.plain(value))")
        }
        guard value <= maximum else {
            throw StrategyError("\(strategy)'s \(name) must be at most \(Self.plain(maximum)), got \(Self.plain(value))")
        }
        if isInteger, value != value.rounded() {
            throw StrategyError("\(strategy)'s \(name) must be a whole number, got \(Self.plain(value))")
        }
    }

    /// A number without a trailing `.0`.
    public static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
