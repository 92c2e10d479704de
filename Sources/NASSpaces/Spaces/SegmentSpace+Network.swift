/// Decoding segment architectures, and their named members.
extension SegmentSpace {
    /// Decodes to the skeleton's network: stem, the blocks' layers (the first with the block's
    /// stride), optional 1×1 head convolution, global pooling, classifier.
    public func network(_ architecture: Architecture, input: TensorShape, classes: Int) throws -> NetworkSpec {
        try validate(architecture)
        let blocks = slices(architecture.tokens).dropFirst().map { $0 }
        let act = SegmentSpace.activations[architecture.tokens[0]]
        return try skeletonNetwork(activation: act, blocks: blocks, input: input, classes: classes) { b, i, x, channels, stride in
            try addLayer(blocks[i], act, &b, input: x, outChannels: channels, stride: stride)
        }
    }

    /// The stem, each block's layers (added by `layer(builder, block, input, channels, stride)`, as
    /// many as the block's local tokens say, at its width), the head: the skeleton that both an
    /// architecture's network and the supernet (`supernet(input:classes:)`) fill.
    func skeletonNetwork(activation act: Activation, blocks: [[Int]], input: TensorShape, classes: Int,
                         layer add: (inout NetworkBuilder, Int, Int, Int, Int) throws -> Int) throws -> NetworkSpec {
        var b = try NetworkBuilder(input: input)
        var x = try b.chain([(Operation.conv(skeleton.stemChannels, skeleton.stemKernel, stride: skeleton.stemStride), "stem.conv"),
                             (.batchNorm, "stem.bn"), (act.layerOp, "stem.act")], from: NetworkBuilder.inputID)
        if skeleton.stemPool { x = try b.add(.maxPool(kernel: 3, stride: 2, padding: 1), [x], name: "stem.pool") }
        for (i, block) in skeleton.blocks.enumerated() {
            for layer in 0..<SegmentSpace.layerCounts[blocks[i][6]] {
                let stride = layer == 0 ? block.stride : 1
                x = try b.scoped("block\(i + 1).layer\(layer + 1)") { try add(&$0, i, x, block.widths[blocks[i][5]], stride) }
            }
        }
        if let head = skeleton.headChannels {
            x = try b.chain([(Operation.conv(head, 1), "head.conv"), (.batchNorm, "head.bn"), (act.layerOp, "head.act")], from: x)
        }
        let out = try b.chain([(.globalAvgPool, "pool"), (.linear(outFeatures: classes, bias: true), "classifier")], from: x)
        return b.build(output: out)
    }

    /// One layer of a block with local tokens `t` (op, kernel, expansion, SE, skip, …).
    func addLayer(_ t: [Int], _ act: Activation, _ b: inout NetworkBuilder, input: Int, outChannels: Int, stride: Int) throws -> Int {
        let kernel = SegmentSpace.kernels[t[1]]
        let residual = t[4] == 0
        switch t[0] {
        case 0:
            let y = try b.chain([(Operation.conv(outChannels, kernel, stride: stride), "conv"), (.batchNorm, "bn"), (act.layerOp, "act")], from: input)
            let keepsShape = stride == 1 && b.shape(of: input) == b.shape(of: y)
            return residual && keepsShape ? try b.add(.add, [input, y], name: "residual") : y
        case 1:
            let se = t[3] == 1 ? SqueezeExcite(ratio: 0.25) : nil
            let m = MBConv(expansion: SegmentSpace.expansions[t[2]], kernel: kernel, se: se, activation: act, residual: residual)
            return try Operation.mbconv(m).apply(&b, input: input, outChannels: outChannels, stride: stride)
        default:
            return try SegmentSpace.basicBlock(&b, input: input, outChannels: outChannels, kernel: kernel, stride: stride,
                                               residual: residual, act: act)
        }
    }

    /// ResNet's basic block: conv-BN-act, conv-BN, plus the shortcut (a 1×1 conv-BN projection
    /// when the shape changes), then the activation.
    static func basicBlock(_ b: inout NetworkBuilder, input: Int, outChannels: Int, kernel: Int, stride: Int,
                           residual: Bool, act: Activation) throws -> Int {
        let y = try b.chain([(Operation.conv(outChannels, kernel, stride: stride), "conv1"), (.batchNorm, "bn1"), (act.layerOp, "act1"),
                             (Operation.conv(outChannels, kernel), "conv2"), (.batchNorm, "bn2")], from: input)
        guard residual else { return try b.add(act.layerOp, [y], name: "act2") }
        var shortcut = input
        if b.shape(of: input) != b.shape(of: y) {
            shortcut = try b.chain([(Operation.conv(outChannels, 1, stride: stride), "down.conv"), (.batchNorm, "down.bn")], from: input)
        }
        let sum = try b.add(.add, [y, shortcut], name: "residual")
        return try b.add(act.layerOp, [sum], name: "act2")
    }

    /// MobileNetV2 1.0 (Sandler et al., CVPR 2018) as a member of the MnasNet skeleton.
    public static let mobileNetV2 = "relu6 | mbconv_k3_e1_c16_x1 | mbconv_k3_e6_c24_x2 | mbconv_k3_e6_c32_x3 | mbconv_k3_e6_c64_x4 | mbconv_k3_e6_c96_x3 | mbconv_k3_e6_c160_x3 | mbconv_k3_e6_c320_x1"

    /// MnasNet-A1 (Tan et al., CVPR 2019, Figure 7) as a member of the MnasNet skeleton.
    public static let mnasnetA1 = "relu | mbconv_k3_e1_c16_x1_noskip | mbconv_k3_e6_c24_x2 | mbconv_k5_e3_se0.25_c40_x3 | mbconv_k3_e6_c80_x4 | mbconv_k3_e6_se0.25_c112_x2 | mbconv_k5_e6_se0.25_c160_x3 | mbconv_k3_e6_c320_x1"

    /// ResNet-18 (He et al., CVPR 2016) as a member of the ResNet skeleton.
    public static let resnet18 = "relu | basic_k3_c64_x2 | basic_k3_c128_x2 | basic_k3_c256_x2 | basic_k3_c512_x2"

    /// The named members of this space's skeleton.
    public var namedMembers: [String: String] {
        skeleton.name == "resnet" ? ["resnet18": SegmentSpace.resnet18]
            : ["mobilenetv2": SegmentSpace.mobileNetV2, "mnasnet_a1": SegmentSpace.mnasnetA1]
    }

    /// A named member (`mobilenetv2`, `mnasnet_a1`, `resnet18`).
    public func member(_ name: String) throws -> Architecture {
        guard let text = namedMembers[name.lowercased()] else {
            throw SpaceError("\(self.name) has no member '\(name)'; it has \(namedMembers.keys.sorted().joined(separator: ", "))")
        }
        return try parse(text)
    }

    public var help: String {
        "MnasNet's factorized hierarchical space: a fixed skeleton of blocks (MobileNetV2's seven, or ResNet's four), each block choosing its own conv op (regular conv, MBConv, ResNet basic block), kernel, expansion, squeeze-and-excitation ratio, skip op, width and number of repeated layers. Layers repeat inside a block, so blocks can differ while the search space stays small per block. MobileNetV2 and MnasNet-A1 are members; ResNet-18 is a member of the ResNet skeleton."
    }

    public var paper: String {
        "Tan et al., MnasNet: Platform-Aware Neural Architecture Search for Mobile, CVPR 2019"
    }
}
