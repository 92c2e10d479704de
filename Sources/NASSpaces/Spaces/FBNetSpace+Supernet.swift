/// The FBNet supernet (DNAS's): every one of the 22 searchable layers a mix of the nine candidate blocks.
///
/// Rows are the 22 layer decisions themselves. Every block of a layer, `skip` included, maps the
/// layer's input to the stage's channels at the layer's stride, so the nine candidates of a
/// position always have one output shape and the skeleton is the same for every architecture.
extension FBNetSpace: SupernetSpace {
    /// The network of `network(_:input:classes:)` with each layer's nine blocks on their own
    /// branches (scoped by block name) summed by one mixing node.
    public func supernet(input: TensorShape, classes: Int) throws -> SupernetSpec {
        var b = try NetworkBuilder(input: input)
        var choices: [ChoicePoint] = []
        var x = try b.chain([(Operation.conv(16, 3, stride: 2), "stem.conv"), (.batchNorm, "stem.bn"), (.relu, "stem.relu")],
                            from: NetworkBuilder.inputID)
        var layer = 0
        for (s, stage) in FBNetSpace.stages.enumerated() {
            for l in 0..<stage.layers {
                let stride = l == 0 ? stage.stride : 1
                let point = try b.scoped("stage\(s + 1).layer\(layer + 1)") { b in
                    try FBNetSpace.mixedLayer(&b, row: layer, input: x, outChannels: stage.channels, stride: stride)
                }
                choices.append(point)
                x = point.node
                layer += 1
            }
        }
        let out = try b.chain([(Operation.conv(1984, 1), "head.conv"), (.batchNorm, "head.bn"), (.relu, "head.relu"),
                               (.globalAvgPool, "head.pool"), (.linear(outFeatures: classes, bias: true), "classifier")], from: x)
        return SupernetSpec(network: b.build(output: out), rows: decisions, choices: choices)
    }

    private static func mixedLayer(_ b: inout NetworkBuilder, row: Int, input: Int, outChannels: Int, stride: Int) throws -> ChoicePoint {
        var branches: [Int?] = []
        for (token, name) in blocks.enumerated() {
            branches.append(try b.scoped(name) { try candidate(token, &$0, input: input, outChannels: outChannels, stride: stride) })
        }
        let mix = try b.add(.add, branches.compactMap { $0 }, name: "mix")
        return ChoicePoint(row: row, node: mix, branches: branches)
    }

    /// One candidate block, laid out as `network` lays out the block of that token.
    private static func candidate(_ token: Int, _ b: inout NetworkBuilder, input: Int, outChannels: Int, stride: Int) throws -> Int {
        guard let block = block(token) else {
            if stride == 1 && b.shape(of: input).channels == outChannels { return try b.add(.identity, [input], name: "skip") }
            return try b.chain([(Operation.conv(outChannels, 1, stride: stride), "skip.conv"), (.batchNorm, "skip.bn"), (.relu, "skip.relu")],
                               from: input)
        }
        let op = Operation.mbconv(MBConv(expansion: block.expansion, kernel: block.kernel, activation: .relu, groups: block.groups,
                                          alwaysExpand: true))
        return try op.apply(&b, input: input, outChannels: outChannels, stride: stride)
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
