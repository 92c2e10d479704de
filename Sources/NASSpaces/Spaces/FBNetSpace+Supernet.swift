/// The FBNet supernet (DNAS's): every one of the 22 searchable layers a mix of the nine candidate blocks.
///
/// Rows are the 22 layer decisions themselves. Every block of a layer, `skip` included, maps the
/// layer's input to the stage's channels at the layer's stride, so the nine candidates of a
/// position always have one output shape and the skeleton is the same for every architecture.
extension FBNetSpace: SupernetSpace {
    /// The network of `network(_:input:classes:)` with each layer's nine blocks on their own
    /// branches (scoped by block name) summed by one mixing node.
    public func supernet(input: TensorShape, classes: Int) throws -> SupernetSpec {
        var choices: [ChoicePoint] = []
        let network = try skeleton(input: input, classes: classes) { b, layer, x, channels, stride in
            let point = try FBNetSpace.mixedLayer(&b, row: layer, input: x, outChannels: channels, stride: stride)
            choices.append(point)
            return point.node
        }
        return SupernetSpec(network: network, rows: decisions, choices: choices)
    }

    private static func mixedLayer(_ b: inout NetworkBuilder, row: Int, input: Int, outChannels: Int, stride: Int) throws -> ChoicePoint {
        var branches: [Int?] = []
        for (token, name) in blocks.enumerated() {
            branches.append(try b.scoped(name) { try addBlock(token, &$0, input: input, outChannels: outChannels, stride: stride) })
        }
        return try b.mix(branches, row: row)
    }

    /// The layers' tokens: one block per layer.
    public func selection(of architecture: Architecture) throws -> [Int?] {
        try validate(architecture)
        return architecture.tokens.map { $0 }
    }

    /// The strongest block of each layer (DNAS samples from these weights; its final architecture
    /// is the most likely one). Ties go to the earlier block.
    public func derive(from weights: [[Double]]) throws -> Architecture {
        guard weights.count == 22, weights.allSatisfy({ $0.count == FBNetSpace.blocks.count }) else {
            throw SpaceError("the FBNet space needs 22 rows of 9 weights, got \(weights.map(\.count))")
        }
        return Architecture(space: name, tokens: weights.map { row in row.indices.max { row[$0] < row[$1] }! })
    }
}
