import Foundation
import NASCore

/// The FBNet space (Wu et al., CVPR 2019): 22 searchable layers, each one of 9 candidate blocks.
///
/// The blocks are `k3_e1, k3_e1_g2, k3_e3, k3_e6, k5_e1, k5_e1_g2, k5_e3, k5_e6, skip` (kernel,
/// expansion, grouped 1×1 convolutions), in the order of HW-NAS-Bench and the FBNet latency
/// table of `shared/data`; 9²² ≈ 9.8×10²⁰ architectures. The canonical form is the op names
/// joined by `-`; `parse` also reads the 22-digit op-index string of that table.
///
/// `width` scales every stage's channels as FBNet's own builder does (FBNet-96-0.35 is the
/// space at width 0.35 and 96×96 input): each rounded to the nearest multiple of 8, at least 8,
/// with the 1×1 convolution to 1984 kept below width 1. A space of another width than 1 is named
/// `fbnet_<width>`, so that neither its latency tables nor its trials mix with FBNet's own.
public struct FBNetSpace: GroupedSearchSpace {
    /// The nine candidate blocks, in token order.
    public static let blocks = ["k3_e1", "k3_e1_g2", "k3_e3", "k3_e6", "k5_e1", "k5_e1_g2", "k5_e3", "k5_e6", "skip"]
    /// The macro skeleton: (output channels, layers, stride of the first layer) per stage.
    public static let stages: [(channels: Int, layers: Int, stride: Int)] = [
        (16, 1, 1), (24, 4, 2), (32, 4, 2), (64, 4, 2), (112, 4, 1), (184, 4, 2), (352, 1, 1),
    ]

    public let groups: [DecisionGroup] = (1...22).map {
        DecisionGroup(decisions: [Decision(name: "layer\($0)", options: FBNetSpace.blocks)])
    }

    /// The channel multiplier of every stage (1: the published FBNet).
    public let width: Double
    /// The stem's, the stages' and the head's 1×1 convolution's output channels at this width.
    public let stemChannels: Int
    public let stageChannels: [Int]
    public let headChannels: Int

    /// Creates the space at a channel multiplier (must be positive; 1 is the published FBNet).
    public init(width: Double = 1) {
        self.width = width
        stemChannels = FBNetSpace.scaled(16, by: width)
        stageChannels = FBNetSpace.stages.map { FBNetSpace.scaled($0.channels, by: width) }
        headChannels = width > 1 ? FBNetSpace.scaled(1984, by: width) : 1984
    }

    /// `channels × width`, rounded to the nearest multiple of 8 and at least 8 (FBNet's builder).
    static func scaled(_ channels: Int, by width: Double) -> Int {
        let raw = Double(Int(Double(channels) * width))
        return max(8, Int((raw / 8).rounded(.toNearestOrAwayFromZero)) * 8)
    }

    public var name: String { width == 1 ? "fbnet" : "fbnet_\(FBNetSpace.widthText(width))" }

    /// A width as the shortest decimal that reads back the same (`0.35`, `2`).
    static func widthText(_ width: Double) -> String {
        width.isFinite && width == width.rounded() ? String(Int(width)) : "\(width)"
    }
    public var defaultInput: TensorShape { TensorShape(channels: 3, height: 224, width: 224) }
    public var defaultClasses: Int { 1000 }
    public func groupName(_ i: Int) -> String { "layer \(i + 1)" }

    public func canonical(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return invalid }
        return architecture.tokens.map { FBNetSpace.blocks[$0] }.joined(separator: "-")
    }

    public func parse(_ text: String) throws -> Architecture {
        let s = text.trimmed()
        if s.count == 22, s.allSatisfy({ ("0"..."8").contains($0) }) {
            return Architecture(space: name, tokens: s.map { Int(String($0))! })
        }
        let names = s.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard names.count == 22 else {
            throw SpaceError("an FBNet architecture has 22 blocks joined by '-' (or 22 digits 0–8), found \(names.count) in '\(text)'")
        }
        return Architecture(space: name, tokens: try names.enumerated().map { i, n in
            guard let t = FBNetSpace.blocks.firstIndex(of: n) else {
                throw SpaceError("layer \(i + 1): '\(n)' is not one of \(FBNetSpace.blocks.joined(separator: ", "))")
            }
            return t
        })
    }

    /// The block behind a token: (kernel, expansion, groups), or nil for `skip`.
    public static func block(_ token: Int) -> (kernel: Int, expansion: Int, groups: Int)? {
        guard token < 8 else { return nil }
        return ([3, 3, 3, 3, 5, 5, 5, 5][token], [1, 1, 3, 6, 1, 1, 3, 6][token], [1, 2, 1, 1, 1, 2, 1, 1][token])
    }

    /// Decodes to FBNet's macro network: 3×3/2 stem with 16 channels, the 22 layers in seven
    /// stages, 1×1 conv to 1984, global pooling, classifier (channels scaled by `width`). Blocks: 1×1 (grouped) expansion (kept at e = 1),
    /// depthwise k×k, 1×1 (grouped) projection, each with BN, ReLU after the first two, and a
    /// residual sum where the shape is kept. `skip` is the identity, or a 1×1 conv-BN-ReLU where
    /// the shape changes. (FBNet's channel shuffle after grouped convolutions is a permutation
    /// without parameters or MACs and is left out of the spec.)
    public func network(_ architecture: Architecture, input: TensorShape, classes: Int) throws -> NetworkSpec {
        try validate(architecture)
        return try skeleton(input: input, classes: classes) { b, layer, x, channels, stride in
            try FBNetSpace.addBlock(architecture.token(at: layer), &b, input: x, outChannels: channels, stride: stride)
        }
    }

    /// The stem, the 22 layers in seven stages (each added by `layer(builder, index, input, channels,
    /// stride)`), the 1×1 conv to 1984 and the head: the skeleton that both the network of an
    /// architecture and the supernet (`supernet(input:classes:)`) fill.
    func skeleton(input: TensorShape, classes: Int,
                  layer add: (inout NetworkBuilder, Int, Int, Int, Int) throws -> Int) throws -> NetworkSpec {
        var b = try NetworkBuilder(input: input)
        var x = try b.chain([(Operation.conv(stemChannels, 3, stride: 2), "stem.conv"), (.batchNorm, "stem.bn"), (.relu, "stem.relu")],
                            from: NetworkBuilder.inputID)
        var layer = 0
        for (s, stage) in FBNetSpace.stages.enumerated() {
            for l in 0..<stage.layers {
                let stride = l == 0 ? stage.stride : 1
                x = try b.scoped("stage\(s + 1).layer\(layer + 1)") { try add(&$0, layer, x, stageChannels[s], stride) }
                layer += 1
            }
        }
        let out = try b.chain([(Operation.conv(headChannels, 1), "head.conv"), (.batchNorm, "head.bn"), (.relu, "head.relu"),
                               (.globalAvgPool, "head.pool"), (.linear(outFeatures: classes, bias: true), "classifier")], from: x)
        return b.build(output: out)
    }

    /// One layer's block (`skip`: the identity, or a 1×1 conv-BN-ReLU where the shape changes).
    static func addBlock(_ token: Int, _ b: inout NetworkBuilder, input: Int, outChannels: Int, stride: Int) throws -> Int {
        guard let block = block(token) else {
            if stride == 1 && b.shape(of: input).channels == outChannels { return try b.add(.identity, [input], name: "skip") }
            return try b.chain([(Operation.conv(outChannels, 1, stride: stride), "skip.conv"), (.batchNorm, "skip.bn"), (.relu, "skip.relu")], from: input)
        }
        let op = Operation.mbconv(MBConv(expansion: block.expansion, kernel: block.kernel, activation: .relu, groups: block.groups,
                                          alwaysExpand: true))
        return try op.apply(&b, input: input, outChannels: outChannels, stride: stride)
    }

    /// FBNet-B (Wu et al. 2019, Figure 4), as listed in the FBNet model definitions.
    public static let fbnetB = "k3_e1-k3_e6-k5_e1-k3_e1-k3_e1-k5_e6-k5_e3-k3_e6-k5_e6-k5_e6-k5_e1-skip-k5_e3-k5_e6-k3_e1-k5_e1-k5_e3-k5_e6-k5_e1-k5_e6-k5_e6-k3_e6"

    public var help: String {
        "FBNet's layer-wise space: a fixed macro network of 22 searchable layers in seven stages (16 to 352 channels), each layer choosing one of nine blocks: inverted residuals with kernel 3 or 5 and expansion 1, 3 or 6 (two with grouped 1×1 convolutions), or skip. DNAS searches it with a Gumbel-softmax relaxation and a latency lookup table; HW-NAS-Bench measured it on six devices."
    }

    public var paper: String {
        "Wu et al., FBNet: Hardware-Aware Efficient ConvNet Design via Differentiable Neural Architecture Search, CVPR 2019; Li et al., HW-NAS-Bench, ICLR 2021"
    }
}
