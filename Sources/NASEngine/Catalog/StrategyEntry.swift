/// One strategy the engine offers by name: how front ends describe it, and its settings.
public struct StrategyEntry: Sendable {
    /// The name the language calls (`evolution`).
    public var name: String
    /// The name `NASSearch.StrategyCatalog` builds it by (`local` for `local_search`).
    public var searchName: String
    /// One line for listings.
    public var summary: String
    /// A paragraph for help pages.
    public var help: String
    /// The paper the strategy comes from.
    public var paper: String?
    /// Its settings, in order, with their defaults.
    public var parameters: [StrategyParameter]

    /// Creates an entry; `searchName` defaults to `name`.
    public init(_ name: String, searchName: String? = nil, summary: String, help: String, paper: String? = nil,
                parameters: [StrategyParameter] = []) {
        self.name = name
        self.searchName = searchName ?? name
        self.summary = summary
        self.help = help
        self.paper = paper
        self.parameters = parameters
    }
}
