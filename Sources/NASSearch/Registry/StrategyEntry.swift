import NASCore
import NASSpaces

/// One strategy of the registry: its names, settings with their defaults and limits, help, paper and factory.
///
/// Everything users and the engine see of a strategy derives from its entry: the language's builtin
/// and its help page, completion of its keywords, the checking of its settings, rebuilding a stored
/// run's strategy, and the tests' list of strategies. Each strategy declares its entry in its own file.
public struct StrategyEntry: Sendable {
    /// The name the language calls (`evolution`).
    public var name: String
    /// Other names accepted for it (`rea`), and the name its strategy reports when that differs (`local`).
    public var aliases: [String]
    /// One line for listings.
    public var summary: String
    /// A paragraph for help pages.
    public var help: String
    /// The paper the strategy comes from.
    public var paper: String?
    /// Its settings, in order, with their defaults.
    public var parameters: [StrategyParameter]
    /// Whether it trains shared weights itself (a one-shot method, `WeightSharingStrategy`): it then needs a
    /// `train(...)` evaluator and a space with a supernet, and each of its trials is an epoch.
    public var isOneShot: Bool
    /// Builds the strategy from complete, checked settings.
    let factory: @Sendable (StrategyContext) throws -> any SearchStrategy

    /// Creates an entry.
    public init(_ name: String, aliases: [String] = [], summary: String, help: String, paper: String? = nil,
                parameters: [StrategyParameter] = [], isOneShot: Bool = false, factory: @escaping @Sendable (StrategyContext) throws -> any SearchStrategy) {
        self.name = name
        self.aliases = aliases
        self.summary = summary
        self.help = help
        self.paper = paper
        self.parameters = parameters
        self.isOneShot = isOneShot
        self.factory = factory
    }

    /// Whether the strategy chooses the epochs of its proposals itself (it has a `max_epochs` setting).
    public var isMultiFidelity: Bool { parameters.contains { $0.name == "max_epochs" } }

    /// The default of a setting, as a whole number (for Swift callers' default arguments).
    public func integer(_ name: String) -> Int {
        Int(parameters.first { $0.name == name }?.defaultValue ?? 0)
    }

    /// The default of a setting.
    public func number(_ name: String) -> Double {
        parameters.first { $0.name == name }?.defaultValue ?? 0
    }

    /// Every setting: the given ones, checked, and the defaults for the rest; errors name the wrong setting.
    public func complete(_ given: [String: Double]) throws -> [String: Double] {
        let known = parameters.map(\.name)
        for key in given.keys.sorted() where !known.contains(key) {
            let list = known.isEmpty ? "it has no settings" : "its settings: " + known.joined(separator: ", ")
            throw StrategyError("\(name) has no setting '\(key)'\(Spelling.didYouMean(key, among: known)) (\(list))")
        }
        var complete: [String: Double] = [:]
        for parameter in parameters {
            let value = given[parameter.name] ?? parameter.defaultValue
            try parameter.check(value, strategy: name)
            complete[parameter.name] = value
        }
        return complete
    }
}
