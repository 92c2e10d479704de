import NASSearch
import NASSpaces

/// One strategy the engine can build by name: its description and how to make it.
public struct StrategyEntry: Sendable {
    /// The name the language calls (`evolution`).
    public var name: String
    /// One line for listings.
    public var summary: String
    /// A paragraph for help pages.
    public var help: String
    /// The paper the strategy comes from.
    public var paper: String?
    /// Its settings, in order.
    public var parameters: [StrategyParameter]
    /// Builds a fresh strategy for a space and seed from complete settings (every parameter present).
    public var build: @Sendable (_ space: any SearchSpace, _ settings: [String: Double], _ seed: UInt64) throws -> any SearchStrategy

    /// Creates an entry.
    public init(_ name: String, summary: String, help: String, paper: String? = nil, parameters: [StrategyParameter] = [],
                build: @escaping @Sendable (_ space: any SearchSpace, _ settings: [String: Double], _ seed: UInt64) throws -> any SearchStrategy) {
        self.name = name
        self.summary = summary
        self.help = help
        self.paper = paper
        self.parameters = parameters
        self.build = build
    }
}
