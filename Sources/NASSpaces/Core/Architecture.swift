/// One member of a search space: the space's name and one choice index per decision.
///
/// Every space in naslab is a fixed list of decisions (`SearchSpace.decisions`); an
/// architecture is the index chosen for each. Decisions that a structural choice switches
/// off (layers beyond the chosen depth) hold 0 and are ignored by the space's canonical form.
/// This one representation is what lets every strategy work on every space.
public struct Architecture: Sendable, Hashable, Codable {
    /// The name of the space this architecture belongs to.
    public var space: String
    /// The chosen option for each decision, in the space's decision order.
    public var tokens: [Int]

    /// Creates an architecture from its tokens.
    public init(space: String, tokens: [Int]) {
        self.space = space
        self.tokens = tokens
    }
}
