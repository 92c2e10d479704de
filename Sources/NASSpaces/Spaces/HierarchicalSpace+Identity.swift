/// Isomorphism identity of hierarchical architectures.
extension HierarchicalSpace {
    /// A key equal for architectures that compute the same function up to relabelling nodes.
    ///
    /// Each node of a motif is described by the sorted descriptions of its incoming edges, each
    /// `op(source)` (identity edges pass the source through); a motif is its sink's description, and
    /// a top-motif edge carries the description of the level-2 motif it names. Nodes that do not
    /// reach the sink, and motifs the top motif never uses, do not enter the key.
    public func identity(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return invalid }
        let level2 = (0..<motifs).map { m in
            describe(motifEdges(architecture.tokens, motif: m), nodes: 4) { HierarchicalSpace.primitives[$0 - 1] }
        }
        return describe(motifEdges(architecture.tokens, motif: nil), nodes: 5) { "[\(level2[$0 - 1])]" }
    }

    private func describe(_ edges: [Int], nodes: Int, op: (Int) -> String) -> String {
        var descriptions = ["x"]
        var e = 0
        for _ in 1..<nodes {
            var terms: [String] = []
            for i in 0..<descriptions.count {
                let t = edges[e]
                e += 1
                guard t != 0 else { continue }
                let name = op(t)
                terms.append(name == "skip_connect" ? descriptions[i] : "\(name)(\(descriptions[i]))")
            }
            descriptions.append(terms.count == 1 ? terms[0] : "{" + terms.sorted().joined(separator: ",") + "}")
        }
        return descriptions[nodes - 1]
    }
}
