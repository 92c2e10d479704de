/// One categorical choice of a search space, such as "the op on edge 1←0" or "the depth of unit 2".
public struct Decision: Sendable, Hashable, Codable {
    /// A stable, readable name (`edge_1_0`, `unit2.depth`).
    public var name: String
    /// The labels of the options, in token order.
    public var options: [String]

    /// Creates a decision.
    public init(name: String, options: [String]) {
        self.name = name
        self.options = options
    }

    /// The number of options.
    public var count: Int { options.count }
}
