/// The NAS-Bench-201 macro skeleton.
extension NB201Space {
    /// Decodes a cell into the benchmark's network.
    ///
    /// Stem: 3×3 conv with C channels and BN. Three stages of `cellsPerStage` cells at C, 2C and 4C
    /// channels; between stages a ResNet basic block with stride 2 (ReLU-conv3×3/2-BN,
    /// ReLU-conv3×3-BN, shortcut 2×2 average pool then 1×1 conv; see `halvingPool` for odd sides). Then BN, ReLU, global average
    /// pooling and a linear classifier. Every edge keeps its layers, including those of nodes that
    /// do not reach the output, as in the benchmark's own model.
    public func network(_ architecture: Architecture, input: TensorShape, classes: Int) throws -> NetworkSpec {
        try validate(architecture)
        return try skeleton(input: input, classes: classes) { b, x, width in try addCell(architecture, &b, input: x, channels: width) }
    }

    /// The stem, three stages of `cellsPerStage` cells (each added by `cell(builder, input, channels)`)
    /// with residual reductions between them, and the head: the skeleton that both the network of a
    /// cell and the supernet (`supernet(input:classes:)`) fill.
    func skeleton(input: TensorShape, classes: Int, cell: (inout NetworkBuilder, Int, Int) throws -> Int) throws -> NetworkSpec {
        var b = try NetworkBuilder(input: input)
        var x = try b.chain([(Operation.conv(channels, 3), "stem.conv"), (.batchNorm, "stem.bn")], from: NetworkBuilder.inputID)
        for stage in 0..<3 {
            let width = channels << stage
            if stage > 0 {
                x = try b.scoped("reduce\(stage)") { try NB201Space.residualReduction(&$0, input: x, outChannels: width) }
            }
            for index in 0..<cellsPerStage {
                x = try b.scoped("stage\(stage + 1).cell\(index)") { try cell(&$0, x, width) }
            }
        }
        let head = try b.chain([(.batchNorm, "head.bn"), (.relu, "head.relu"), (.globalAvgPool, "head.pool"),
                                (.linear(outFeatures: classes, bias: true), "classifier")], from: x)
        return b.build(output: head)
    }

    private func addCell(_ a: Architecture, _ b: inout NetworkBuilder, input: Int, channels: Int) throws -> Int {
        var nodes = [input]
        for to in 1...3 {
            var terms: [Int] = []
            for (e, edge) in NB201Space.edges.enumerated() where edge.to == to {
                let op = NB201Space.catalogueOperations[a.token(at: e)]
                if op == .zero { continue }
                let out = try b.scoped("edge_\(edge.to)_\(edge.from)") {
                    try op.apply(&$0, input: nodes[edge.from], outChannels: channels, stride: 1)
                }
                terms.append(out)
            }
            switch terms.count {
            case 0: nodes.append(try b.add(.zero(stride: 1), [input], name: "node\(to).zero"))
            case 1: nodes.append(terms[0])
            default: nodes.append(try b.add(.add, terms, name: "node\(to).sum"))
            }
        }
        return nodes[3]
    }

    static func residualReduction(_ b: inout NetworkBuilder, input: Int, outChannels: Int) throws -> Int {
        let a = try b.chain([(.relu, "a.relu"), (Operation.conv(outChannels, 3, stride: 2), "a.conv"), (.batchNorm, "a.bn"),
                             (.relu, "b.relu"), (Operation.conv(outChannels, 3), "b.conv"), (.batchNorm, "b.bn")], from: input)
        let shortcut = try b.chain([(halvingPool(b.shape(of: input)), "down.pool"),
                                    (Operation.conv(outChannels, 1), "down.conv")], from: input)
        return try b.add(.add, [a, shortcut], name: "sum")
    }

    /// The shortcut's pooling: the benchmark's 2×2/2 average pool where both sides are even; where
    /// a side is odd (a 1-row signal included) a 3×3/2 average pool with uncounted padding 1, which
    /// gives the ⌈n/2⌉ pixels of the strided convolution beside it (2×2/2 would give ⌊n/2⌋, or
    /// nothing on a 1-pixel side).
    static func halvingPool(_ shape: TensorShape) -> LayerOp {
        guard shape.height % 2 == 1 || shape.width % 2 == 1 else {
            return .avgPool(kernel: 2, stride: 2, padding: 0, countIncludePad: true)
        }
        return .avgPool(kernel: 3, stride: 2, padding: 1, countIncludePad: false)
    }
}
