/// The DARTS supernet: every intermediate node of both cells reads every earlier state through a mixed edge.
///
/// Rows are the edges j → i of the normal cell, then those of the reduction cell (node i from 2,
/// source j from 0 to i − 1, in that order: 14 + 14 for 4 nodes), each shared by every cell of its
/// kind. A row's options are DARTS's: `none` (the absence of the edge, no branch) first, then the
/// space's operations; when the space's own operations include `none`, that one is used instead.
/// A cell of the space reads two different states per node (the space forbids a duplicate pair),
/// so each node's two (input, op) pairs switch on two different edges and no cell is left out.
extension CellSpace: SupernetSpace {
    /// The network of `network(_:input:classes:)` with every edge of every cell mixed: the same stem,
    /// preprocessing of the two cell inputs, reductions (stride 2 on edges from the cell inputs),
    /// concatenation of the intermediate nodes, pooling and classifier.
    public func supernet(input: TensorShape, classes: Int) throws -> SupernetSpec {
        var choices: [ChoicePoint] = []
        let network = try skeleton(input: input, classes: classes) { b, s0, s1, c, reduction, reductionPrev in
            try addMixedCell(&b, s0: s0, s1: s1, channels: c, reduction: reduction, reductionPrev: reductionPrev, choices: &choices)
        }
        return SupernetSpec(network: network, rows: supernetRows, choices: choices)
    }

    /// The edges into intermediate node `i` (2…): sources 0…i − 1, as offsets of a cell's rows.
    private func edgeRow(node i: Int, from j: Int) -> Int { (0..<(i - 2)).reduce(0) { $0 + $1 + 2 } + j }

    /// Edges per cell: 2 + 3 + … + (nodes + 1).
    private var edgesPerCell: Int { edgeRow(node: nodes + 2, from: 0) }

    /// The options of every row: `none` first unless the operations already hold it, then the operations.
    private var rowOptions: [String] {
        operations.indices.contains { operation($0) == .zero } ? operations : ["none"] + operations
    }

    /// The row option of op token `t`.
    private func option(ofOp t: Int) -> Int { rowOptions.count == operations.count ? t : t + 1 }

    /// The operation behind a row option; nil for `none`.
    private func rowOperation(_ option: Int) -> Operation? {
        let op = rowOptions.count == operations.count ? operation(option) : (option == 0 ? Operation.zero : operation(option - 1))
        return op == .zero ? nil : op
    }

    /// The rows: `normal.edge_i_j`, then `reduce.edge_i_j`.
    private var supernetRows: [Decision] {
        ["normal", "reduce"].flatMap { cell in
            (2..<(nodes + 2)).flatMap { i in (0..<i).map { Decision(name: "\(cell).edge_\(i)_\($0)", options: rowOptions) } }
        }
    }

    private func addMixedCell(_ b: inout NetworkBuilder, s0: Int, s1: Int, channels c: Int, reduction: Bool,
                              reductionPrev: Bool, choices: inout [ChoicePoint]) throws -> Int {
        var states = try CellSpace.preprocessedInputs(&b, s0: s0, s1: s1, channels: c, reductionPrev: reductionPrev)
        let offset = reduction ? edgesPerCell : 0
        for i in 2..<(nodes + 2) {
            var terms: [Int] = []
            for j in 0..<i {
                let stride = reduction && j < 2 ? 2 : 1
                let point = try b.scoped("node\(i).from\(j)") { b in
                    try mixedEdge(&b, row: offset + edgeRow(node: i, from: j), input: states[j], channels: c, stride: stride)
                }
                choices.append(point)
                terms.append(point.node)
            }
            states.append(try b.add(.add, terms, name: "node\(i)"))
        }
        return try b.add(.concat, Array(states[2...]), name: "concat")
    }

    /// One edge's candidates, each on its own branch scoped by its op name, and the node that mixes them.
    private func mixedEdge(_ b: inout NetworkBuilder, row: Int, input: Int, channels: Int, stride: Int) throws -> ChoicePoint {
        var branches: [Int?] = []
        for (k, name) in rowOptions.enumerated() {
            guard let op = rowOperation(k) else { branches.append(nil); continue }
            branches.append(try b.scoped(name) { try op.apply(&$0, input: input, outChannels: channels, stride: stride) })
        }
        return try b.mix(branches, row: row)
    }

    /// For each edge j → i, the row option of the op the cell applies to state j in node i, or nil
    /// when node i does not read state j. Throws for an architecture that is not a valid cell
    /// (including a node that reads the same state twice, which the space does not allow).
    public func selection(of architecture: Architecture) throws -> [Int?] {
        let t = architecture.tokens
        if t.count == 8 * nodes, let g = (0..<(2 * nodes)).first(where: { t[4 * $0] == t[4 * $0 + 2] }) {
            throw SpaceError("\(groupName(g)) reads state \(t[4 * g]) twice; a cell's node reads two different states "
                + "(a supernet edge carries one op), so this is not a cell of the space")
        }
        try validate(architecture)
        var selection = [Int?](repeating: nil, count: 2 * edgesPerCell)
        for cell in 0..<2 {
            for n in 0..<nodes {
                let t = Array(architecture.tokens[(4 * (cell * nodes + n))..<(4 * (cell * nodes + n) + 4)])
                for (input, op) in [(t[0], t[1]), (t[2], t[3])] {
                    selection[cell * edgesPerCell + edgeRow(node: n + 2, from: input)] = option(ofOp: op)
                }
            }
        }
        return selection
    }

    /// DARTS's rule: for each intermediate node, an edge's strength is its largest weight over the
    /// ops other than `none`; the two strongest edges are kept (ties: the earlier source), each with
    /// its strongest op other than `none` (ties: the earlier op), the stronger edge first.
    public func derive(from weights: [[Double]]) throws -> Architecture {
        let width = rowOptions.count
        guard weights.count == 2 * edgesPerCell, weights.allSatisfy({ $0.count == width }) else {
            throw SpaceError("a \(nodes)-node cell space needs \(2 * edgesPerCell) rows of \(width) weights, got \(weights.map(\.count))")
        }
        let candidates = operations.indices.filter { operation($0) != .zero }
        guard !candidates.isEmpty else { throw SpaceError("the cell space has no operation other than none to derive") }
        var tokens: [Int] = []
        for cell in 0..<2 {
            for i in 2..<(nodes + 2) {
                let rows = (0..<i).map { weights[cell * edgesPerCell + edgeRow(node: i, from: $0)] }
                tokens += strongestEdges(rows, candidates: candidates)
            }
        }
        return Architecture(space: name, tokens: tokens)
    }

    /// The tokens (input, op, input, op) of the two strongest of a node's incoming edges.
    private func strongestEdges(_ rows: [[Double]], candidates: [Int]) -> [Int] {
        let best = rows.map { row in candidates.max { row[option(ofOp: $0)] < row[option(ofOp: $1)] }! }
        let strength = rows.indices.map { j in rows[j][option(ofOp: best[j])] }
        let kept = rows.indices.sorted { strength[$0] > strength[$1] || strength[$0] == strength[$1] && $0 < $1 }.prefix(2)
        return kept.flatMap { [$0, best[$0]] }
    }
}
