/// Decoding fixed-DAG cells and the macro skeletons that stack one searched cell.
extension SpecDecoder {
    /// NAS-Bench-201's cell over the running tensor: node j sums its edges from every earlier
    /// node, each through the edge's op (edges from the input carry the pending stride); `none`
    /// edges add nothing, and a node without any other edge is an all-zero map.
    mutating func decodeFixedCell(_ node: SpecNode, nodes: Int, operations: [String]) throws {
        let out = width ?? builder.shape(of: current).channels
        let s = stride
        var states = [current]
        for j in 1...nodes {
            var terms: [Int] = []
            for i in 0..<j {
                // Edges are in token order: by target, then source, so edge i → j is the (j(j−1)/2 + i)-th.
                let op = try Operation(named: operations[tokens[node.offset + j * (j - 1) / 2 + i]])
                guard op != .zero else { continue }
                let input = states[i], edgeStride = i == 0 ? s : 1
                terms.append(try builder.scoped("\(node.name).edge_\(j)_\(i)") {
                    try op.apply(&$0, input: input, outChannels: out, stride: edgeStride)
                })
            }
            states.append(try sumTerms(terms, node: "\(node.name).node\(j)", states: states, outChannels: out, stride: s))
        }
        current = states[nodes]
        stride = 1
    }

    /// A node's value: its only term, the sum of its terms, or zeros shaped like the cell's output
    /// (made from the cell's input as NB201 does, or from node 1 where the cell changes the channels).
    private mutating func sumTerms(_ terms: [Int], node name: String, states: [Int], outChannels: Int, stride s: Int) throws -> Int {
        switch terms.count {
        case 0:
            let keepsChannels = builder.shape(of: current).channels == outChannels
            guard keepsChannels || states.count > 1 else {
                let layer = (builder.prefix + [name]).joined(separator: ".")
                throw SpaceError("layer '\(layer)': every edge into it is 'none', and an all-zero map cannot change "
                    + "\(builder.shape(of: current).channels) channels into \(outChannels); let an edge from the cell's input carry another op")
            }
            let (source, zeroStride) = keepsChannels ? (current, s) : (states[1], 1)
            return try builder.add(.zero(stride: zeroStride), [source], name: "\(name).zero")
        case 1: return terms[0]
        default: return try builder.add(.add, terms, name: "\(name).sum")
        }
    }

    /// The skeleton's stem, its cell positions (each decoding `body` at the stage's width) and
    /// the layers before the global pooling.
    mutating func decodeSkeleton(_ skeleton: CellSkeleton, body: SpecNode) throws {
        switch skeleton.kind {
        case .nb201:
            current = try builder.chain([(Operation.conv(skeleton.channels, 3), "stem.conv"), (.batchNorm, "stem.bn")], from: current)
            for stage in 0..<3 {
                let channels = skeleton.channels << stage
                if stage > 0 {
                    let x = current
                    current = try builder.scoped("reduce\(stage)") { try NB201Space.residualReduction(&$0, input: x, outChannels: channels) }
                }
                for cell in 0..<skeleton.cellsPerStage {
                    try decodeCellPosition(body, scope: "stage\(stage + 1).cell\(cell)", channels: channels)
                }
            }
            current = try builder.chain([(.batchNorm, "head.bn"), (.relu, "head.relu")], from: current)
        }
    }

    /// Decodes the shared cell body at one position of a skeleton, its layers named after the position.
    private mutating func decodeCellPosition(_ body: SpecNode, scope: String, channels: Int) throws {
        builder.prefix.append(scope)
        defer { builder.prefix.removeLast() }
        (width, stride) = (channels, 1)
        try decode(body)
        width = nil
    }
}
