import NASSearch

/// A search strategy as the language holds it: a registry name and its settings.
///
/// It is a recipe, not a running strategy: `launch` builds a fresh strategy from it for the
/// run's space and seed (and `resume` builds it again before restoring the checkpoint).
public struct StrategyValue: DomainValue {
    /// The registry name (`evolution`).
    public let name: String
    /// Every setting, defaults included.
    public let settings: [String: Double]

    /// Creates a strategy value; the settings are checked and completed by the registry.
    public init(name: String, given: [String: Double]) throws {
        self.name = name
        self.settings = try StrategyRegistry.settings(name, given: given)
    }

    /// "strategy".
    public var typeName: String { "strategy" }

    /// `evolution(population: 20, sample: 5)`.
    public var summary: String {
        let order = StrategyRegistry.entry(name)?.parameters.map(\.name) ?? settings.keys.sorted()
        let parts = order.compactMap { key in settings[key].map { "\(key): \(Self.plain($0))" } }
        return "\(name)(\(parts.joined(separator: ", ")))"
    }

    /// The summary, the strategy's one-line description and its paper.
    public func render(width: Int) -> String {
        guard let entry = StrategyRegistry.entry(name) else { return summary }
        var lines = ["strategy \(summary)", entry.summary]
        if let paper = entry.paper { lines.append("Paper: \(paper)") }
        return lines.joined(separator: "\n")
    }

    /// `name` and `settings`.
    public var memberNames: [String] { ["name", "settings"] }

    /// The registry name, or the settings as a record.
    public func member(_ key: String) throws -> Value? {
        switch key {
        case "name": return .string(name)
        case "settings": return .record(Record(settings.keys.sorted().map { ($0, .number(settings[$0]!)) }))
        default: return nil
        }
    }

    static func plain(_ value: Double) -> String { StrategyParameter.plain(value) }
}
