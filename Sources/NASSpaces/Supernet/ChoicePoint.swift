/// One place in a supernet where candidate operations mix: a node that sums the chosen candidates' branches.
public struct ChoicePoint: Sendable, Hashable {
    /// The row of architecture weights that drives it (`SupernetSpec.rows`).
    public var row: Int
    /// The mixing node: an `.add` of the branches that exist.
    public var node: Int
    /// For each option of the row, the node whose output is that candidate; nil for the zero op (`none`).
    public var branches: [Int?]

    /// Creates a choice point.
    public init(row: Int, node: Int, branches: [Int?]) {
        self.row = row
        self.node = node
        self.branches = branches
    }
}
