import Foundation
import NASCore

/// The once-for-all MobileNetV3 space (Cai et al., ICLR 2020): elastic depth, expansion, kernel and resolution.
///
/// Five units; each has a depth of 2, 3 or 4 layers and each layer a kernel (3, 5, 7) and an
/// expansion ratio (3, 4, 6). Tokens per unit: depth, then (kernel, expansion) for its four
/// layer slots; slots beyond the depth hold 0 and are not counted, so a unit has
/// 9² + 9³ + 9⁴ = 7,371 settings and the space 7,371⁵ ≈ 2.18×10¹⁹ sub-networks (the published
/// "over 10¹⁹"), times the number of input resolutions (25 for 128–224 step 4).
public struct OFASpace: GroupedSearchSpace {
    /// Kernel options.
    public static let kernels = [3, 5, 7]
    /// Expansion options.
    public static let expansions = [3, 4, 6]
    /// Depth options per unit.
    public static let depths = [2, 3, 4]
    /// Output channels of the five units.
    public static let widths = [24, 40, 80, 112, 160]
    /// Strides of the five units.
    public static let strides = [2, 2, 2, 1, 2]
    /// Activations of the five units.
    public static let activations: [Activation] = [.relu, .relu, .hswish, .hswish, .hswish]
    /// Whether each unit uses squeeze-and-excitation.
    public static let usesSE = [false, true, false, true, true]

    /// The input resolutions the space offers.
    public let resolutions: [Int]
    public let groups: [DecisionGroup]

    /// Creates the space; by default with the 25 resolutions 128, 132, …, 224.
    public init(resolutions: [Int] = Array(stride(from: 128, through: 224, by: 4))) {
        self.resolutions = resolutions.isEmpty ? [224] : resolutions
        var groups = (1...5).map { OFASpace.unitGroup($0) }
        groups.append(DecisionGroup(decisions: [Decision(name: "resolution", options: self.resolutions.map(String.init))]))
        self.groups = groups
    }

    private static func unitGroup(_ u: Int) -> DecisionGroup {
        var decisions = [Decision(name: "unit\(u).depth", options: depths.map(String.init))]
        for l in 1...4 {
            decisions.append(Decision(name: "unit\(u).layer\(l).kernel", options: kernels.map(String.init)))
            decisions.append(Decision(name: "unit\(u).layer\(l).expansion", options: expansions.map(String.init)))
        }
        return DecisionGroup(decisions: decisions) { t in
            let depth = depths[t[0]]
            return [true] + (0..<8).map { $0 / 2 < depth }
        }
    }

    public var name: String { "ofa" }
    public var defaultInput: TensorShape { TensorShape(channels: 3, height: 224, width: 224) }
    public var defaultClasses: Int { 1000 }

    /// The number of sub-networks, not counting the input resolution (7,371⁵).
    public var subnetworkCount: BigCount { groups.dropLast().reduce(BigCount.one) { $0 * BigCount($1.members.count) } }

    public func groupName(_ i: Int) -> String { i < 5 ? "unit \(i + 1)" : "resolution" }

    /// The layers of one unit as (kernel, expansion) pairs, `depth` of them.
    public func unitLayers(_ architecture: Architecture, unit: Int) -> [(kernel: Int, expansion: Int)] {
        let t = Array(architecture.tokens[(unit * 9)..<(unit * 9 + 9)])
        return (0..<OFASpace.depths[t[0]]).map { (OFASpace.kernels[t[1 + 2 * $0]], OFASpace.expansions[t[2 + 2 * $0]]) }
    }

    /// The input resolution of an architecture.
    public func resolution(_ architecture: Architecture) -> Int { resolutions[architecture.token(at: 45)] }

    /// `r224 | k3e4 k5e6 | …`: the resolution, then each unit's layers as kernel and expansion.
    public func canonical(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return invalid }
        let units = (0..<5).map { u in unitLayers(architecture, unit: u).map { "k\($0.kernel)e\($0.expansion)" }.joined(separator: " ") }
        return (["r\(resolution(architecture))"] + units).joined(separator: " | ")
    }

    public func parse(_ text: String) throws -> Architecture {
        let parts = text.split(separator: "|").map { $0.trimmed() }
        guard parts.count == 6 else {
            throw SpaceError("an OFA architecture is 'r<resolution> | unit1 | … | unit5', found \(parts.count) parts in '\(text)'")
        }
        guard parts[0].hasPrefix("r"), let r = Int(parts[0].dropFirst()), let ri = resolutions.firstIndex(of: r) else {
            throw SpaceError("resolution '\(parts[0])' is not one of r\(resolutions.map(String.init).joined(separator: ", r"))")
        }
        var tokens: [Int] = []
        for (u, unit) in parts[1...5].enumerated() {
            tokens += try parseUnit(unit, number: u + 1)
        }
        return Architecture(space: name, tokens: tokens + [ri])
    }

    private func parseUnit(_ text: String, number: Int) throws -> [Int] {
        let layers = text.split(separator: " ")
        guard let d = OFASpace.depths.firstIndex(of: layers.count) else {
            throw SpaceError("unit \(number) has \(layers.count) layers; the depth must be 2, 3 or 4")
        }
        var tokens = [d]
        for layer in layers {
            let ke = layer.dropFirst().split(separator: "e")
            guard layer.hasPrefix("k"), ke.count == 2, let k = Int(ke[0]), let e = Int(ke[1]),
                  let ki = OFASpace.kernels.firstIndex(of: k), let ei = OFASpace.expansions.firstIndex(of: e) else {
                throw SpaceError("unit \(number): '\(layer)' is not k<3|5|7>e<3|4|6>")
            }
            tokens += [ki, ei]
        }
        return tokens + [Int](repeating: 0, count: 9 - tokens.count)
    }

    /// The input the network of an architecture reads: `input`'s longer side resized to the
    /// architecture's resolution and the other side in proportion (rounded, at least 1); a side
    /// of 1 pixel stays 1. A square image becomes r×r, a 16×32 image r/2×r, a 1-row signal 1×r.
    public func networkInput(_ architecture: Architecture, given input: TensorShape) -> TensorShape {
        let r = resolution(architecture), longer = max(input.height, input.width)
        func side(_ n: Int) -> Int {
            if n == longer { return r }
            return n == 1 ? 1 : max(1, (n * r + longer / 2) / longer)
        }
        return TensorShape(channels: input.channels, height: side(input.height), width: side(input.width))
    }

    /// Decodes to the OFA MobileNetV3 network at the architecture's resolution (the input is
    /// resized by `networkInput`): 3×3/2 stem with 16 channels and h-swish, a fixed
    /// MBConv 16→16, the five elastic units, 1×1 conv to 960, global pooling, a 1×1 conv to 1280
    /// without batch norm, and the classifier. The SE gate is a sigmoid where OFA uses a hard
    /// sigmoid (no such primitive exists; parameters and MACs are the same).
    public func network(_ architecture: Architecture, input: TensorShape, classes: Int) throws -> NetworkSpec {
        try network(architecture, input: input, classes: classes, scale: .published)
    }

    /// The network of an architecture at a smaller `scale` (narrower layers, a stem of stride 1):
    /// the sub-network an elastic supernet of that scale runs.
    public func network(_ architecture: Architecture, input: TensorShape, classes: Int, scale: OFAScale) throws -> NetworkSpec {
        try validate(architecture)
        let c = scale.channels
        var b = try NetworkBuilder(input: networkInput(architecture, given: input))
        var x = try b.chain([(Operation.conv(c(16), 3, stride: scale.stemStride), "stem.conv"), (.batchNorm, "stem.bn"), (.hswish, "stem.act")],
                            from: NetworkBuilder.inputID)
        x = try b.scoped("first") { try Operation.mbconv(MBConv(expansion: 1, kernel: 3, activation: .relu)).apply(&$0, input: x, outChannels: c(16), stride: 1) }
        for u in 0..<5 {
            for (l, layer) in unitLayers(architecture, unit: u).enumerated() {
                let se = OFASpace.usesSE[u] ? SqueezeExcite(ratio: 0.25, base: .expanded, divisor: 8) : nil
                let op = Operation.mbconv(MBConv(expansion: layer.expansion, kernel: layer.kernel, se: se, activation: OFASpace.activations[u]))
                x = try b.scoped("unit\(u + 1).layer\(l + 1)") {
                    try op.apply(&$0, input: x, outChannels: c(OFASpace.widths[u]), stride: l == 0 ? OFASpace.strides[u] : 1)
                }
            }
        }
        let out = try b.chain([(Operation.conv(c(960), 1), "head.expand"), (.batchNorm, "head.bn"), (.hswish, "head.act"),
                               (.globalAvgPool, "head.pool"), (Operation.conv(c(1280), 1), "head.mix"), (.hswish, "head.mix.act"),
                               (.linear(outFeatures: classes, bias: true), "classifier")], from: x)
        return b.build(output: out)
    }

    public var help: String {
        "Once-for-all's MobileNetV3 space: a stem, then five units of inverted-residual layers with elastic depth (2–4 layers), expansion (3, 4, 6) and kernel (3, 5, 7) per layer, and an elastic input resolution (128–224 in steps of 4). One supernet trained with progressive shrinking serves every sub-network; 7,371⁵ ≈ 2×10¹⁹ sub-networks."
    }

    public var paper: String {
        "Cai, Gan, Wang, Zhang & Han, Once-for-All: Train One Network and Specialize it for Efficient Deployment, ICLR 2020"
    }
}
