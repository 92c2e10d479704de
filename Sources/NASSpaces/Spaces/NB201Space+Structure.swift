/// Isomorphism identity, vector encodings and drawings of NAS-Bench-201 cells.
extension NB201Space {
    /// A key equal for cells that compute the same function up to reordering the inputs of a node.
    ///
    /// Each node is described by the sorted terms of its input edges joined by `+`: a `none` edge,
    /// or an edge from node 1 when node 1 is zero, is the term `#`; `skip_connect` passes the
    /// source's description through; other ops wrap it as `(source)@op`. The cell's key is the
    /// output node's description. This is the benchmark authors' rule (`to_unique_str` with
    /// `consider_zero`), which counts the published 6,466 unique cells. It keeps one `#` per absent
    /// edge, so it does not merge every functionally equal pair: dropping the `#` terms would
    /// leave 5,390 classes.
    public func identity(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return invalid }
        var nodes = ["0"]
        for to in 1...3 {
            var terms: [String] = []
            for (e, edge) in NB201Space.edges.enumerated() where edge.to == to {
                let op = architecture.token(at: e)
                let source = nodes[edge.from]
                if op == 0 || source == "#" {
                    terms.append("#")
                } else {
                    terms.append(op == 1 ? source : "(\(source))@\(NB201Space.operations[op])")
                }
            }
            nodes.append(terms.sorted().joined(separator: "+"))
        }
        return nodes[3]
    }

    /// The cell with every edge into a node that feeds no path to the output set to `none`: the
    /// network builder leaves such a node unused, and the inference plans drop its work.
    public func pruned(_ architecture: Architecture) -> Architecture {
        guard invalidDescription(architecture) == nil else { return architecture }
        var live: Set<Int> = [3]
        for node in [2, 1] where NB201Space.edges.enumerated().contains(where: { e, edge in
            edge.from == node && live.contains(edge.to) && architecture.token(at: e) != 0
        }) {
            live.insert(node)
        }
        let tokens = NB201Space.edges.enumerated().map { e, edge in live.contains(edge.to) ? architecture.token(at: e) : 0 }
        return Architecture(space: architecture.space, tokens: tokens)
    }

    /// Onehot (30), adjacency (6 edge indicators then 30 op one-hots) or path (BANANAS) encodings.
    ///
    /// The path encoding has one indicator per sequence of non-`none` ops along an input-to-output
    /// path (0→3; 0→1→3 and 0→2→3; 0→1→2→3): 4 + 16 + 64 = 84 features.
    public func encode(_ architecture: Architecture, as encoding: ArchitectureEncoding) throws -> [Double] {
        try validate(architecture)
        let onehot = architecture.tokens.flatMap { t in (0..<5).map { $0 == t ? 1.0 : 0.0 } }
        switch encoding {
        case .onehot: return onehot
        case .adjacency: return architecture.tokens.map { $0 == 0 ? 0.0 : 1.0 } + onehot
        case .path: return pathEncoding(architecture.tokens)
        }
    }

    private func pathEncoding(_ t: [Int]) -> [Double] {
        var v = [Double](repeating: 0, count: 84)
        let paths: [[Int]] = [[3], [0, 4], [1, 5], [0, 2, 5]]   // edge indices along each path
        for path in paths {
            let ops = path.map { t[$0] }
            guard !ops.contains(0) else { continue }
            let offset = [0, 0, 4, 20][ops.count]
            let code = ops.reduce(0) { $0 * 4 + ($1 - 1) }
            v[offset + code] = 1
        }
        return v
    }

    /// The cell as text: one line per node with its incoming edges.
    public func diagram(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return invalid }
        var lines = ["nb201 cell \(canonical(architecture))  (index \(index(of: architecture)))"]
        for to in 1...3 {
            let inputs = NB201Space.edges.enumerated().filter { $0.element.to == to }.map { e, edge in
                "\(NB201Space.operations[architecture.token(at: e)])(node\(edge.from))"
            }
            lines.append("  node\(to) = " + inputs.joined(separator: " + "))
        }
        lines.append("  output = node3; macro: stem → 3 stages × \(cellsPerStage) cells (C=\(channels), \(2 * channels), \(4 * channels)) → pool → linear")
        return lines.joined(separator: "\n")
    }

    /// The cell DAG as Graphviz text: nodes 0–3 and one labelled edge per non-`none` op.
    public func dot(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return DotWriter.digraph(title: invalid, nodes: [], edges: []) }
        let nodes: [DotWriter.Node] = (0...3).map { ("\($0)", $0 == 0 ? "in" : ($0 == 3 ? "out (3)" : "\($0)"), "circle") }
        let edges: [DotWriter.Edge] = NB201Space.edges.enumerated().compactMap { e, edge in
            let op = architecture.token(at: e)
            return op == 0 ? nil : ("\(edge.from)", "\(edge.to)", NB201Space.operations[op])
        }
        return DotWriter.digraph(title: canonical(architecture), nodes: nodes, edges: edges, rankdir: "LR")
    }
}
