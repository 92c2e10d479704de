import Foundation
import NASCore

/// MnasNet's factorized hierarchical space (Tan et al., CVPR 2019): a fixed skeleton of blocks,
/// each with its own op, kernel, expansion, SE ratio, skip op, width and number of layers.
///
/// Each block is one decision group: `op` (conv, mbconv, basic), `kernel` (3, 5), `expansion`
/// (1, 3, 6; MBConv only), `se` (0, 0.25; MBConv only), `skip` (identity residual or none),
/// `width` (the skeleton's options) and `layers` (1–4). A first group holds the activation
/// (relu, relu6, hswish). MobileNetV2 and MnasNet-A1 are named members of the MnasNet
/// skeleton, ResNet-18 of the ResNet skeleton. Differences from the paper: MnasNet's third skip
/// option (pooling) is not offered, and widths are the skeleton's listed options (the 0.75/1/1.25
/// multipliers plus the widths of the named members) rather than free multipliers.
///
/// Its weight-sharing supernet holds one slice: a frame's activation, widths, depths and skips,
/// each block's op, kernel, expansion and SE mixed (`SegmentSpace+Supernet`, `SegmentSpace+Slice`).
public struct SegmentSpace: GroupedSearchSpace {
    /// Block ops, in token order.
    public static let ops = ["conv", "mbconv", "basic"]
    /// Kernel options.
    public static let kernels = [3, 5]
    /// Expansion options.
    public static let expansions = [1, 3, 6]
    /// SE ratio options.
    public static let seRatios = [0.0, 0.25]
    /// Skip options.
    public static let skips = ["identity", "noskip"]
    /// Layers-per-block options.
    public static let layerCounts = [1, 2, 3, 4]
    /// Activation options.
    public static let activations: [Activation] = [.relu, .relu6, .hswish]

    /// The fixed skeleton.
    public let skeleton: SegmentSkeleton
    public let groups: [DecisionGroup]
    /// The architecture whose activation, widths, depths and skips the supernet keeps (MnasNet-A1
    /// on the MnasNet skeleton, ResNet-18 on ResNet's; see `SegmentSpace+Supernet`).
    public private(set) var frame: Architecture
    /// Whether the space is the frame's slice only (`sliced(frame:)`) rather than the whole space.
    public let isSliced: Bool

    /// Creates the whole space on a skeleton (MnasNet's by default), its supernet framed by the
    /// skeleton's published member (`defaultFrameName`; on other skeletons, the all-first-options architecture).
    public init(skeleton: SegmentSkeleton = .mnasnet) {
        let groups = [SegmentSpace.activationGroup(fixed: nil)]
            + skeleton.blocks.enumerated().map { SegmentSpace.blockGroup($0 + 1, widths: $1.widths, fixed: nil) }
        let count = groups.reduce(0) { $0 + $1.decisions.count }
        let name = SegmentSpace.name(of: skeleton)
        self.init(skeleton: skeleton, groups: groups, frame: Architecture(space: name, tokens: [Int](repeating: 0, count: count)),
                  isSliced: false)
        if let member = SegmentSpace.defaultFrameName(of: skeleton), let published = try? self.member(member) { frame = published }
    }

    /// A space with every stored property given (the whole space, or a slice).
    init(skeleton: SegmentSkeleton, groups: [DecisionGroup], frame: Architecture, isSliced: Bool) {
        self.skeleton = skeleton
        self.groups = groups
        self.frame = frame
        self.isSliced = isSliced
    }

    /// The activation group; `fixed` (the frame's token) keeps one option.
    static func activationGroup(fixed: Int?) -> DecisionGroup {
        DecisionGroup(decisions: [Decision(name: "activation", options: SegmentSpace.activations.map(\.rawValue))]) { t in
            fixed.map { t[0] == $0 } ?? true
        }
    }

    /// Block `n`'s group; `fixed` (the frame's local tokens) keeps only its skip, width and depth.
    static func blockGroup(_ n: Int, widths: [Int], fixed: [Int]?) -> DecisionGroup {
        let decisions = [
            Decision(name: "block\(n).op", options: ops),
            Decision(name: "block\(n).kernel", options: kernels.map(String.init)),
            Decision(name: "block\(n).expansion", options: expansions.map(String.init)),
            Decision(name: "block\(n).se", options: seRatios.map { String($0) }),
            Decision(name: "block\(n).skip", options: skips),
            Decision(name: "block\(n).width", options: widths.map(String.init)),
            Decision(name: "block\(n).layers", options: layerCounts.map(String.init)),
        ]
        return DecisionGroup(decisions: decisions, active: { t in
            let mb = t[0] == 1
            return [true, true, mb, mb, true, true, true]
        }, valid: { t in
            fixed.map { f in SegmentSpace.frameDecisions.allSatisfy { t[$0] == f[$0] } } ?? true
        })
    }

    /// The local decisions of a block that change the skeleton (skip, width, layers), which a slice fixes.
    static let frameDecisions = [4, 5, 6]

    /// The space's name on a skeleton: `segment`, or `segment_<skeleton>`.
    static func name(of skeleton: SegmentSkeleton) -> String { skeleton.name == "mnasnet" ? "segment" : "segment_\(skeleton.name)" }

    public var name: String { SegmentSpace.name(of: skeleton) }
    public var defaultInput: TensorShape { TensorShape(channels: 3, height: 224, width: 224) }
    public var defaultClasses: Int { 1000 }
    public func groupName(_ i: Int) -> String { i == 0 ? "activation" : "block \(i)" }

    /// One block's settings as text: `mbconv_k3_e6_se0.25_c24_x2` (`_noskip` when without residual).
    public func blockText(_ t: ArraySlice<Int>, block: Int) -> String {
        let t = Array(t)
        var s = "\(SegmentSpace.ops[t[0]])_k\(SegmentSpace.kernels[t[1]])"
        if t[0] == 1 {
            s += "_e\(SegmentSpace.expansions[t[2]])"
            if t[3] == 1 { s += "_se0.25" }
        }
        s += "_c\(skeleton.blocks[block].widths[t[5]])_x\(SegmentSpace.layerCounts[t[6]])"
        return t[4] == 1 ? s + "_noskip" : s
    }

    /// `relu6 | mbconv_k3_e1_c16_x1 | …`: the activation, then one entry per block.
    public func canonical(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return invalid }
        let t = architecture.tokens
        let blocks = skeleton.blocks.indices.map { blockText(t[(1 + 7 * $0)..<(8 + 7 * $0)], block: $0) }
        return ([SegmentSpace.activations[t[0]].rawValue] + blocks).joined(separator: " | ")
    }

    public func parse(_ text: String) throws -> Architecture {
        let parts = text.split(separator: "|").map { $0.trimmed() }
        guard parts.count == skeleton.blocks.count + 1 else {
            throw SpaceError("a \(name) architecture is '<activation> | ' then \(skeleton.blocks.count) blocks, found \(parts.count) parts")
        }
        guard let act = SegmentSpace.activations.firstIndex(where: { $0.rawValue == parts[0] }) else {
            throw SpaceError("activation '\(parts[0])' is not one of relu, relu6, hswish")
        }
        var tokens = [act]
        for (i, part) in parts.dropFirst().enumerated() {
            tokens += try parseBlock(part, block: i)
        }
        return Architecture(space: name, tokens: tokens)
    }

    private func parseBlock(_ text: String, block: Int) throws -> [Int] {
        let fields = text.split(separator: "_").map(String.init)
        func fail(_ why: String) -> SpaceError { SpaceError("block \(block + 1) '\(text)': \(why)") }
        guard let op = fields.first.flatMap({ SegmentSpace.ops.firstIndex(of: $0) }) else {
            throw fail("the op must be one of \(SegmentSpace.ops.joined(separator: ", "))")
        }
        var t = [op, -1, 0, 0, 0, -1, -1]
        for f in fields.dropFirst() {
            if f == "noskip" { t[4] = 1; continue }
            if f == "se0.25" && op == 1 { t[3] = 1; continue }
            guard let v = Int(f.dropFirst()) else { throw fail("'\(f)' is not an option") }
            switch f.first {
            case "k": t[1] = SegmentSpace.kernels.firstIndex(of: v) ?? -2
            case "e" where op == 1: t[2] = SegmentSpace.expansions.firstIndex(of: v) ?? -2
            case "c": t[5] = skeleton.blocks[block].widths.firstIndex(of: v) ?? -2
            case "x": t[6] = SegmentSpace.layerCounts.firstIndex(of: v) ?? -2
            default: throw fail("'\(f)' is not an option of \(SegmentSpace.ops[op])")
            }
        }
        if t[1] == -2 { throw fail("the kernel must be 3 or 5") }
        if t[2] == -2 { throw fail("the expansion must be 1, 3 or 6") }
        if t[5] == -2 { throw fail("the width must be one of \(skeleton.blocks[block].widths.map(String.init).joined(separator: ", "))") }
        if t[6] == -2 { throw fail("the depth must be 1 to 4 layers") }
        if t[1] < 0 || t[5] < 0 || t[6] < 0 { throw fail("it needs a kernel (_k3), a width (_c24) and a depth (_x2)") }
        return t
    }
}
