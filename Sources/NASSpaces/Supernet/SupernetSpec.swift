/// A weight-sharing supernet: one network holding every candidate operation of every choice, and where they mix.
///
/// `network` computes each candidate of each choice on its own branch and sums the branches of a
/// choice in one `.add` node (the choice point's `node`); run as is, the network sums every
/// candidate. A supernet model reads `choices` to weight or pick the branches instead: DARTS
/// weights all of them by `softmax(α)`, GDAS and ProxylessNAS run one or two sampled paths, and an
/// architecture of the space runs exactly its own (`SupernetSpace.selection`). Choice points that
/// share a row share architecture weights (NB201's edge 1←0 in every one of its 15 cells).
public struct SupernetSpec: Sendable, Hashable {
    /// The network with every candidate branch.
    public var network: NetworkSpec
    /// The rows of architecture weights, each a decision whose options are the candidates.
    public var rows: [Decision]
    /// Every mixing node, in network order.
    public var choices: [ChoicePoint]

    /// Creates a supernet spec.
    public init(network: NetworkSpec, rows: [Decision], choices: [ChoicePoint]) {
        self.network = network
        self.rows = rows
        self.choices = choices
    }
}
