extension NetworkSpec {
    /// The nodes `range` as a network of their own, whose input is the one value they read from
    /// before the range (a node's output or the network input) and whose output is the range's
    /// last node.
    ///
    /// Throws when the nodes read more than one value from outside the range (the slice would
    /// need two inputs) or when the range is empty.
    public func slice(_ range: Range<Int>) throws -> NetworkSpec {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= nodes.count else {
            throw SpaceError("cannot slice nodes \(range) of a network of \(nodes.count) nodes")
        }
        let outside = Set(nodes[range].flatMap(\.inputs).filter { !range.contains($0) })
        guard outside.count == 1, let source = outside.first else {
            throw SpaceError("nodes \(range.lowerBound)…\(range.upperBound - 1) read \(outside.count) values from before them; a slice reads exactly one")
        }
        var b = try NetworkBuilder(input: shape(of: source))
        var ids: [Int: Int] = [source: NetworkBuilder.inputID]
        for node in nodes[range] {
            ids[node.id] = try b.add(node.op, node.inputs.map { ids[$0]! }, name: node.name)
        }
        return b.build(output: ids[range.upperBound - 1]!)
    }
}
