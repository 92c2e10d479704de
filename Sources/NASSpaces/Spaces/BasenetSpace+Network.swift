import NASCore

/// Decoding basenet architectures: the skeleton and its four block types.
extension BasenetSpace {
    /// Decodes to the skeleton's network: 3×3 stem (conv-BN-ReLU), the positions' blocks stage by
    /// stage (each position's nodes scoped `stageS.layerL`), global pooling and a classifier.
    public func network(_ architecture: Architecture, input: TensorShape, classes: Int) throws -> NetworkSpec {
        try validate(architecture)
        return try skeleton(input: input, classes: classes) { b, position, x, channels, stride in
            try addBlock(blocks[architecture.token(at: position)], &b, input: x, outChannels: channels, stride: stride)
        }
    }

    /// The stem, the positions (each added by `add(builder, position, input, channels, stride)` in
    /// its scope) and the head: what both networks and the supernet fill.
    func skeleton(input: TensorShape, classes: Int,
                  position add: (inout NetworkBuilder, Int, Int, Int, Int) throws -> Int) throws -> NetworkSpec {
        var b = try NetworkBuilder(input: input)
        var x = try b.chain([(Operation.conv(stages[0].channels, 3), "stem.conv"), (.batchNorm, "stem.bn"), (.relu, "stem.relu")],
                            from: NetworkBuilder.inputID)
        var position = 0
        for stage in stages {
            for l in 0..<stage.positions {
                x = try b.scoped(blockScope(position)) { try add(&$0, position, x, stage.channels, l == 0 ? 2 : 1) }
                position += 1
            }
        }
        let out = try b.chain([(.globalAvgPool, "head.pool"), (.linear(outFeatures: classes, bias: true), "classifier")], from: x)
        return b.build(output: out)
    }

    /// One position's block by name.
    func addBlock(_ block: String, _ b: inout NetworkBuilder, input: Int, outChannels: Int, stride: Int) throws -> Int {
        switch block {
        case "vgg_k3":
            return try Operation.conv(kernel: 3, dilation: 1, groups: 1).apply(&b, input: input, outChannels: outChannels, stride: stride)
        case "res_k3":
            return try SegmentSpace.basicBlock(&b, input: input, outChannels: outChannels, kernel: 3, stride: stride,
                                               residual: true, act: .relu)
        case "mb_k3_e6", "mb_k5_e3":
            let m = block == "mb_k3_e6" ? MBConv(expansion: 6, kernel: 3, activation: .relu) : MBConv(expansion: 3, kernel: 5, activation: .relu)
            return try Operation.mbconv(m).apply(&b, input: input, outChannels: outChannels, stride: stride)
        default:
            throw SpaceError("'\(block)' is not a basenet block (the blocks are \(BasenetSpace.allBlocks.joined(separator: ", ")))")
        }
    }

    /// One line per stage with its positions' blocks.
    public func diagram(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return invalid }
        var lines = ["basenet", "  stem    conv3x3 → \(stages[0].channels)"]
        var position = 0
        for (s, stage) in stages.enumerated() {
            let names = (position..<(position + stage.positions)).map { blocks[architecture.token(at: $0)] }
            lines.append("  stage\(s + 1)  → \(stage.channels) ch, stride 2: " + names.joined(separator: " "))
            position += stage.positions
        }
        lines.append("  head    pool, linear")
        return lines.joined(separator: "\n")
    }
}
