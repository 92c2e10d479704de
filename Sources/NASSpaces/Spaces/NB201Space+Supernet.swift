/// The NAS-Bench-201 supernet: the benchmark's skeleton with all five operations on every edge.
extension NB201Space: SupernetSpace {
    /// The benchmark's network (`network(_:input:classes:)`) with every edge of every cell a mix of its
    /// four non-zero candidates (`none` is the absence of a branch); the six edges' choice points
    /// share one row each across the 3 × `cellsPerStage` cells, as in DARTS on NAS-Bench-201.
    public func supernet(input: TensorShape, classes: Int) throws -> SupernetSpec {
        var choices: [ChoicePoint] = []
        let network = try skeleton(input: input, classes: classes) { b, x, width in
            try addMixedCell(&b, input: x, channels: width, choices: &choices)
        }
        return SupernetSpec(network: network, rows: NB201Space.edgeDecisions, choices: choices)
    }

    private func addMixedCell(_ b: inout NetworkBuilder, input: Int, channels: Int, choices: inout [ChoicePoint]) throws -> Int {
        var nodes = [input]
        for to in 1...3 {
            var terms: [Int] = []
            for (e, edge) in NB201Space.edges.enumerated() where edge.to == to {
                let point = try b.scoped("edge_\(edge.to)_\(edge.from)") { b in
                    try NB201Space.mixedEdge(&b, row: e, input: nodes[edge.from], channels: channels)
                }
                choices.append(point)
                terms.append(point.node)
            }
            nodes.append(terms.count == 1 ? terms[0] : try b.add(.add, terms, name: "node\(to).sum"))
        }
        return nodes[3]
    }

    /// One edge's candidates, each on its own branch, and the node that mixes them.
    private static func mixedEdge(_ b: inout NetworkBuilder, row: Int, input: Int, channels: Int) throws -> ChoicePoint {
        var branches: [Int?] = []
        for (k, op) in catalogueOperations.enumerated() {
            guard op != .zero else { branches.append(nil); continue }
            branches.append(try b.scoped(operations[k]) { try op.apply(&$0, input: input, outChannels: channels, stride: 1) })
        }
        return try b.mix(branches, row: row)
    }

    /// The cell's six tokens: one operation per edge.
    public func selection(of architecture: Architecture) throws -> [Int?] {
        try validate(architecture)
        return architecture.tokens.map { $0 }
    }

    /// The strongest operation other than `none` on every edge (the DARTS rule, as the issue and the
    /// DARTS paper state it; NAS-Bench-201's own code takes the argmax over all five, `none` included).
    public func derive(from weights: [[Double]]) throws -> Architecture {
        guard weights.count == 6, weights.allSatisfy({ $0.count == 5 }) else {
            throw SpaceError("an NB201 cell needs 6 rows of 5 weights, got \(weights.map(\.count))")
        }
        let tokens = weights.map { row in (1..<5).max { row[$0] < row[$1] }! }
        return Architecture(space: name, tokens: tokens)
    }
}
