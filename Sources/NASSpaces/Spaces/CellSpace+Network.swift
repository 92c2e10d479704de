/// DARTS's evaluation network (`NetworkCIFAR`, without the auxiliary head).
extension CellSpace {
    /// Decodes to the stacked network: 3×3 conv stem with 3C channels and BN; `layers` cells with
    /// reduction cells (channels doubled, stride 2 on edges from the cell inputs) at 1/3 and 2/3 of
    /// the depth; each cell preprocesses its inputs with ReLU-1×1 conv-BN (a factorized reduce
    /// after a reduction cell); global pooling; classifier.
    public func network(_ architecture: Architecture, input: TensorShape, classes: Int) throws -> NetworkSpec {
        try validate(architecture)
        return try skeleton(input: input, classes: classes) { b, s0, s1, c, reduction, reductionPrev in
            try addCell(architecture, &b, s0: s0, s1: s1, channels: c, reduction: reduction, reductionPrev: reductionPrev)
        }
    }

    /// The stem, the stacked cells (each added by `cell(builder, s0, s1, channels, reduction, reductionPrev)`,
    /// with reduction cells at 1/3 and 2/3 of the depth), global pooling and the classifier: the
    /// skeleton that both the network of an architecture and the supernet (`supernet(input:classes:)`) fill.
    func skeleton(input: TensorShape, classes: Int,
                  cell: (inout NetworkBuilder, Int, Int, Int, Bool, Bool) throws -> Int) throws -> NetworkSpec {
        var b = try NetworkBuilder(input: input)
        let stem = try b.chain([(Operation.conv(3 * channels, 3), "stem.conv"), (.batchNorm, "stem.bn")], from: NetworkBuilder.inputID)
        var (s0, s1) = (stem, stem)
        var c = channels
        var reductionPrev = false
        for layer in 0..<layers {
            let reduction = layer == layers / 3 || layer == 2 * layers / 3
            if reduction { c *= 2 }
            let out = try b.scoped("cell\(layer)") { try cell(&$0, s0, s1, c, reduction, reductionPrev) }
            (s0, s1) = (s1, out)
            reductionPrev = reduction
        }
        let head = try b.chain([(.globalAvgPool, "pool"), (.linear(outFeatures: classes, bias: true), "classifier")], from: s1)
        return b.build(output: head)
    }

    /// The two cell inputs brought to `channels`: ReLU-1×1 conv-BN each (a factorized reduce of the
    /// first after a reduction cell), as DARTS preprocesses them.
    static func preprocessedInputs(_ b: inout NetworkBuilder, s0: Int, s1: Int, channels c: Int,
                                   reductionPrev: Bool) throws -> [Int] {
        let p0 = try b.scoped("pre0") {
            reductionPrev ? try Operation.factorizedReduce.apply(&$0, input: s0, outChannels: c, stride: 2)
                          : try Operation.reluConvBN(kernel: 1).apply(&$0, input: s0, outChannels: c, stride: 1)
        }
        let p1 = try b.scoped("pre1") { try Operation.reluConvBN(kernel: 1).apply(&$0, input: s1, outChannels: c, stride: 1) }
        return [p0, p1]
    }

    private func addCell(_ a: Architecture, _ b: inout NetworkBuilder, s0: Int, s1: Int, channels c: Int,
                         reduction: Bool, reductionPrev: Bool) throws -> Int {
        var states = try CellSpace.preprocessedInputs(&b, s0: s0, s1: s1, channels: c, reductionPrev: reductionPrev)
        let offset = reduction ? nodes : 0
        for i in 0..<nodes {
            let t = Array(a.tokens[(4 * (offset + i))..<(4 * (offset + i) + 4)])
            var terms: [Int] = []
            for (k, (input, op)) in [(t[0], t[1]), (t[2], t[3])].enumerated() {
                let stride = reduction && input < 2 ? 2 : 1
                terms.append(try b.scoped("node\(i + 2).\(k)") {
                    try operation(op).apply(&$0, input: states[input], outChannels: c, stride: stride)
                })
            }
            states.append(try b.add(.add, terms, name: "node\(i + 2)"))
        }
        return try b.add(.concat, Array(states[2...]), name: "concat")
    }
}
