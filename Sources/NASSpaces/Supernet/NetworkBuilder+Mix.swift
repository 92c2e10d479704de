extension NetworkBuilder {
    /// Adds the node that mixes a choice's candidate branches (nil: the zero op, no branch) and returns the choice point.
    public mutating func mix(_ branches: [Int?], row: Int) throws -> ChoicePoint {
        let node = try add(.add, branches.compactMap { $0 }, name: "mix")
        return ChoicePoint(row: row, node: node, branches: branches)
    }
}
