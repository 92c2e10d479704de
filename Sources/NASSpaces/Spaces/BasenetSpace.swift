import NASCore

/// The basenet pool of Zeng et al. (ASP-DAC 2020) as one blockwise space: each position of a fixed
/// skeleton takes a VGG-, ResNet- or MobileNet-style block.
///
/// The blocks are `vgg_k3` (3×3 conv-BN-ReLU, VGG), `res_k3` (ResNet's basic block: two 3×3
/// conv-BN with the identity or a 1×1 projection, then ReLU), and the inverted residuals
/// `mb_k3_e6` and `mb_k5_e3` (MobileNetV2). The specified network of a block type repeats it at
/// every position: VGG-, Res- and MobileNet-style basenets. The skeleton is a 3×3 stem with the
/// first stage's channels, `stages` stages (channels 16, 32, 64 by default) whose first position
/// halves the resolution, then global pooling and a classifier. The canonical form is the block
/// names joined by `-`.
public struct BasenetSpace: GroupedSearchSpace {
    /// Every block type the space knows, in default token order.
    public static let allBlocks = ["vgg_k3", "res_k3", "mb_k3_e6", "mb_k5_e3"]

    /// The block types on offer at each position, in token order.
    public let blocks: [String]
    /// The stages: output channels and positions, the first position of each with stride 2.
    public let stages: [(channels: Int, positions: Int)]
    public let groups: [DecisionGroup]

    /// A basenet space over some of `allBlocks` (at least one, each once) and a skeleton of stages.
    public init(blocks: [String] = BasenetSpace.allBlocks,
                stages: [(channels: Int, positions: Int)] = [(16, 2), (32, 2), (64, 2)]) throws {
        guard !blocks.isEmpty, Set(blocks).count == blocks.count else {
            throw SpaceError("a basenet space needs at least one block type, each named once (got \(blocks))")
        }
        for b in blocks where !Self.allBlocks.contains(b) {
            throw SpaceError("'\(b)' is not a basenet block\(Spelling.didYouMean(b, among: Self.allBlocks)) (the blocks are \(Self.allBlocks.joined(separator: ", ")))")
        }
        guard !stages.isEmpty, stages.allSatisfy({ $0.channels >= 1 && $0.positions >= 1 }) else {
            throw SpaceError("a basenet skeleton needs at least one stage, each with at least 1 channel and 1 position")
        }
        self.blocks = blocks
        self.stages = stages
        let positions = stages.reduce(0) { $0 + $1.positions }
        groups = (1...positions).map { DecisionGroup(decisions: [Decision(name: "layer\($0)", options: blocks)]) }
    }

    public var name: String { "basenet" }
    public var defaultInput: TensorShape { TensorShape(channels: 3, height: 32, width: 32) }
    public var defaultClasses: Int { 10 }
    public func groupName(_ i: Int) -> String { "layer \(i + 1)" }

    public func canonical(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return invalid }
        return architecture.tokens.map { blocks[$0] }.joined(separator: "-")
    }

    public func parse(_ text: String) throws -> Architecture {
        let names = text.trimmed().split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard names.count == groups.count else {
            throw SpaceError("a basenet architecture has \(groups.count) blocks joined by '-', found \(names.count) in '\(text)'")
        }
        return Architecture(space: name, tokens: try names.enumerated().map { i, n in
            guard let t = blocks.firstIndex(of: n) else {
                throw SpaceError("layer \(i + 1): '\(n)' is not one of \(blocks.joined(separator: ", "))")
            }
            return t
        })
    }

    public var help: String {
        "The basenet pool of black-box search-space profiling: a fixed skeleton (stem, stages of 16, 32 and 64 channels whose first position halves the resolution, pooling, classifier) whose every position takes a VGG block (3×3 conv-BN-ReLU), a ResNet basic block, or a MobileNetV2 inverted residual (k3 e6, k5 e3). The specified network of a block type repeats it everywhere; profile_space keeps the blocks whose single-block variants score best on accuracy and device latency."
    }

    public var paper: String {
        "Zeng, Sun, Xing, Ning, Shan, Chen, Wang & Yang, Black Box Search Space Profiling for Accelerator-Aware Neural Architecture Search, ASP-DAC 2020"
    }
}
