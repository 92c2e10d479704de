/// One operation of the catalogue: a named building block that decodes to a small graph of primitives.
///
/// An operation knows its own hyperparameters (kernel, dilation, groups, expansion, SE);
/// the context it is placed in supplies the stride and the output channels. Names follow the
/// literature (`nor_conv_3x3` from NAS-Bench-201, `sep_conv_5x5` and `dil_conv_3x3` from DARTS,
/// `mbconv_e6_k5_se0.25` from MnasNet) and round-trip through `name` and `Operation(named:)`.
public enum Operation: Sendable, Hashable, Codable {
    /// k×k convolution followed by batch norm and ReLU.
    case conv(kernel: Int, dilation: Int, groups: Int)
    /// ReLU, k×k convolution, batch norm (NAS-Bench-201's `nor_conv`).
    case reluConvBN(kernel: Int)
    /// DARTS separable convolution: (ReLU, depthwise k×k, pointwise, BN) twice.
    case sepConv(kernel: Int)
    /// DARTS dilated separable convolution: ReLU, depthwise k×k with dilation, pointwise, BN.
    case dilConv(kernel: Int, dilation: Int)
    /// Depthwise k×k convolution, BN, ReLU (a pointwise convolution follows when channels change).
    case depthwiseConv(kernel: Int)
    /// Inverted residual block.
    case mbconv(MBConv)
    /// k×k average pooling (padding k/2, padding not counted).
    case avgPool(kernel: Int)
    /// k×k max pooling (padding k/2).
    case maxPool(kernel: Int)
    /// The input unchanged (a factorized reduce or 1×1 projection when the shape must change).
    case identity
    /// An all-zero output: the absence of an edge.
    case zero
    /// Two stride-2 1×1 convolutions on shifted inputs, concatenated (halves the resolution).
    case factorizedReduce
    /// Global average pooling to one value per channel.
    case globalPool
    /// A fully connected layer.
    case linear
}

extension Operation {
    /// Adds the operation to `builder`, reading node `input`; returns the output node.
    public func apply(_ b: inout NetworkBuilder, input: Int, outChannels: Int, stride: Int) throws -> Int {
        let cin = b.shape(of: input).channels
        switch self {
        case let .conv(k, d, g):
            return try b.chain([(Operation.conv(outChannels, k, stride: stride, dilation: d, groups: g), "conv"),
                                (.batchNorm, "bn"), (.relu, "relu")], from: input)
        case .reluConvBN(let k):
            return try b.chain([(.relu, "relu"), (Operation.conv(outChannels, k, stride: stride), "conv"),
                                (.batchNorm, "bn")], from: input)
        case .sepConv(let k):
            let half = try b.chain(Operation.dilSepLayers(cin, cin, k, stride: stride, dilation: 1, tag: "1"), from: input)
            return try b.chain(Operation.dilSepLayers(cin, outChannels, k, stride: 1, dilation: 1, tag: "2"), from: half)
        case let .dilConv(k, d):
            return try b.chain(Operation.dilSepLayers(cin, outChannels, k, stride: stride, dilation: d, tag: ""), from: input)
        case .depthwiseConv(let k):
            var last = try b.chain([(Operation.conv(cin, k, stride: stride, groups: cin), "dwconv"),
                                    (.batchNorm, "bn"), (.relu, "relu")], from: input)
            if outChannels != cin {
                last = try b.chain([(Operation.conv(outChannels, 1), "pwconv"), (.batchNorm, "pwbn"), (.relu, "pwrelu")], from: last)
            }
            return last
        case .mbconv(let m):
            return try Operation.applyMBConv(m, &b, input: input, outChannels: outChannels, stride: stride)
        case .avgPool(let k):
            let x = try Operation.matchChannels(&b, input: input, outChannels: outChannels)
            return try b.add(.avgPool(kernel: k, stride: stride, padding: k / 2, countIncludePad: false), [x], name: "avgpool")
        case .maxPool(let k):
            let x = try Operation.matchChannels(&b, input: input, outChannels: outChannels)
            return try b.add(.maxPool(kernel: k, stride: stride, padding: k / 2), [x], name: "maxpool")
        case .identity:
            if stride == 1 && cin == outChannels { return try b.add(.identity, [input], name: "identity") }
            if stride == 2 && outChannels % 2 == 0 {
                return try Operation.factorizedReduce.apply(&b, input: input, outChannels: outChannels, stride: 2)
            }
            return try b.chain([(Operation.conv(outChannels, 1, stride: stride), "proj"), (.batchNorm, "bn")], from: input)
        case .zero:
            guard cin == outChannels else {
                throw SpaceError("the 'none' op cannot change \(cin) channels into \(outChannels)")
            }
            return try b.add(.zero(stride: stride), [input], name: "zero")
        case .factorizedReduce:
            return try Operation.applyFactorizedReduce(&b, input: input, outChannels: outChannels, stride: stride)
        case .globalPool:
            return try b.add(.globalAvgPool, [input], name: "gap")
        case .linear:
            return try b.add(.linear(outFeatures: outChannels, bias: true), [input], name: "fc")
        }
    }

    /// A bias-free convolution with "same" padding.
    static func conv(_ out: Int, _ k: Int, stride: Int = 1, dilation: Int = 1, groups: Int = 1, bias: Bool = false) -> LayerOp {
        .conv(outChannels: out, kernel: k, stride: stride, padding: dilation * (k - 1) / 2, dilation: dilation,
              groups: groups, bias: bias)
    }

    private static func dilSepLayers(_ cin: Int, _ cout: Int, _ k: Int, stride: Int, dilation: Int, tag: String) -> [(LayerOp, String)] {
        [(.relu, "relu\(tag)"), (conv(cin, k, stride: stride, dilation: dilation, groups: cin), "dwconv\(tag)"),
         (conv(cout, 1), "pwconv\(tag)"), (.batchNorm, "bn\(tag)")]
    }

    private static func matchChannels(_ b: inout NetworkBuilder, input: Int, outChannels: Int) throws -> Int {
        guard b.shape(of: input).channels != outChannels else { return input }
        return try b.chain([(.relu, "pre.relu"), (conv(outChannels, 1), "pre.conv"), (.batchNorm, "pre.bn")], from: input)
    }

    private static func applyFactorizedReduce(_ b: inout NetworkBuilder, input: Int, outChannels: Int, stride: Int) throws -> Int {
        guard outChannels % 2 == 0 else {
            throw SpaceError("a factorized reduce needs an even number of output channels, got \(outChannels)")
        }
        let r = try b.add(.relu, [input], name: "fr.relu")
        let a = try b.add(conv(outChannels / 2, 1, stride: stride), [r], name: "fr.conv1")
        let shifted = try b.add(shiftByOne(b.shape(of: input)), [r], name: "fr.shift")
        let c = try b.add(conv(outChannels / 2, 1, stride: stride), [shifted], name: "fr.conv2")
        let cat = try b.add(.concat, [a, c], name: "fr.concat")
        return try b.add(.batchNorm, [cat], name: "fr.bn")
    }

    /// Factorized reduce's one-pixel shift, along the axes longer than one pixel: shifting a
    /// 1-pixel axis would leave nothing but padding (a 1-D signal's second half all zeros).
    private static func shiftByOne(_ shape: TensorShape) -> LayerOp {
        .shift(rows: shape.height > 1 ? 1 : 0, cols: shape.width > 1 ? 1 : 0)
    }

    private static func applyMBConv(_ m: MBConv, _ b: inout NetworkBuilder, input: Int, outChannels: Int, stride: Int) throws -> Int {
        let cin = b.shape(of: input).channels
        let mid = cin * m.expansion
        let act = m.activation.layerOp
        var x = input
        if m.expansion != 1 || m.alwaysExpand {
            x = try b.chain([(conv(mid, 1, groups: m.groups), "expand"), (.batchNorm, "expand.bn"), (act, "expand.act")], from: x)
        }
        x = try b.chain([(conv(mid, m.kernel, stride: stride, groups: mid), "dwconv"), (.batchNorm, "dw.bn"), (act, "dw.act")], from: x)
        if let se = m.se {
            let reduced = se.reducedChannels(input: cin, expanded: mid)
            let gate = try b.chain([(.globalAvgPool, "se.pool"), (conv(reduced, 1, bias: true), "se.reduce"), (.relu, "se.relu"),
                                    (conv(mid, 1, bias: true), "se.expand"), (.sigmoid, "se.gate")], from: x)
            x = try b.add(.mul, [x, gate], name: "se.scale")
        }
        x = try b.chain([(conv(outChannels, 1, groups: m.groups), "project"), (.batchNorm, "project.bn")], from: x)
        if m.residual && stride == 1 && cin == outChannels {
            x = try b.add(.add, [input, x], name: "residual")
        }
        return x
    }
}
