import NASCore

/// The segment space's supernet: the frame's skeleton, each block's layers a mix of the 16 ops.
///
/// Width, depth, skip and activation change the skeleton, so the supernet holds one slice of the
/// space (`SegmentSpace+Slice`): the frame's activation and each block's skip, width and depth
/// (MnasNet-A1's on the MnasNet skeleton, ResNet-18's on ResNet's, or the frame of `sliced(frame:)`).
/// Each block is one row whose options are the valid (op, kernel, expansion, SE) combinations of
/// the space's activity rules — conv and basic at kernels 3 and 5, MBConv at kernels 3 and 5 ×
/// expansions 1, 3, 6 × SE 0 or 0.25: 16 options (`rowOptions`) — and every layer of the block is
/// one choice point of that row, so its layers share one choice as they do in the space. Every
/// option maps the layer's input to the block's width at the layer's stride, so a block's options
/// always have one output shape.
///
/// `selection(of:)` throws for an architecture outside the slice; the one-shot methods draw
/// architectures with `sampleInSupernet` (uniform over the 16 options of each block, the frame
/// elsewhere), and ENAS's controller chooses only the rows (`controlSpace`, a `SegmentChoiceSpace`).
/// `derive(from:)` takes the strongest option of each row (ties: the earlier one), the frame elsewhere.
extension SegmentSpace: SupernetSpace {
    /// The options of a row: the local (op, kernel, expansion, SE) tokens of the valid block
    /// combinations, switched-off decisions at 0, in token order.
    public static let rowOptions: [[Int]] = {
        var seen = Set<[Int]>()
        return blockGroup(1, widths: [1], fixed: nil).members.map { Array($0.prefix(4)) }.filter { seen.insert($0).inserted }
    }()

    /// A row option's label: `conv_k3`, `mbconv_k5_e6_se` (SE ratio 0.25; without the architecture
    /// text's `0.25`, since `alphas` and the branch scopes split names at dots).
    public static func rowLabel(_ option: [Int]) -> String {
        var s = "\(ops[option[0]])_k\(kernels[option[1]])"
        if option[0] == 1 { s += "_e\(expansions[option[2]])" + (option[3] == 1 ? "_se" : "") }
        return s
    }

    /// The rows: one per block (`block3`), its options the 16 op combinations.
    public var supernetRows: [Decision] {
        skeleton.blocks.indices.map { Decision(name: "block\($0 + 1)", options: SegmentSpace.rowOptions.map(SegmentSpace.rowLabel)) }
    }

    /// The frame's network with each layer's 16 options on their own branches (scoped by the
    /// option's label, `mbconv_k5_e3_se`) summed by one mixing node.
    public func supernet(input: TensorShape, classes: Int) throws -> SupernetSpec {
        let frameBlocks = slices(frame.tokens).dropFirst().map { $0 }
        let act = SegmentSpace.activations[frame.tokens[0]]
        var choices: [ChoicePoint] = []
        let network = try skeletonNetwork(activation: act, blocks: frameBlocks, input: input, classes: classes) { b, i, x, channels, stride in
            var branches: [Int?] = []
            for option in SegmentSpace.rowOptions {
                let local = option + Array(frameBlocks[i].suffix(3))
                branches.append(try b.scoped(SegmentSpace.rowLabel(option)) { try addLayer(local, act, &$0, input: x, outChannels: channels, stride: stride) })
            }
            let point = try b.mix(branches, row: i)
            choices.append(point)
            return point.node
        }
        return SupernetSpec(network: network, rows: supernetRows, choices: choices)
    }

    /// Each block's option; throws for an architecture outside the frame's slice.
    public func selection(of architecture: Architecture) throws -> [Int?] {
        try validate(architecture)
        if let why = sliceViolation(architecture) { throw SpaceError(why) }
        return slices(architecture.tokens).dropFirst().map { SegmentSpace.rowOptions.firstIndex(of: Array($0.prefix(4))) }
    }

    /// The strongest option of each block (ties: the earlier one), the frame's activation, skips, widths and depths.
    public func derive(from weights: [[Double]]) throws -> Architecture {
        let count = SegmentSpace.rowOptions.count
        guard weights.count == skeleton.blocks.count, weights.allSatisfy({ $0.count == count }) else {
            throw SpaceError("\(name)'s supernet needs \(skeleton.blocks.count) rows of \(count) weights, got \(weights.map(\.count))")
        }
        return framed(weights.map { row in row.indices.max { row[$0] < row[$1] }! })
    }

    /// The frame with each block's op combination replaced by option `options[block]` of its row.
    public func architecture(selecting options: [Int]) throws -> Architecture {
        let count = SegmentSpace.rowOptions.count
        guard options.count == skeleton.blocks.count, options.allSatisfy({ (0..<count).contains($0) }) else {
            throw SpaceError("\(name)'s supernet selects one of \(count) options for each of \(skeleton.blocks.count) blocks, got \(options)")
        }
        return framed(options)
    }

    /// The frame with the given (valid) row options.
    private func framed(_ options: [Int]) -> Architecture {
        var tokens = frame.tokens
        for (block, option) in options.enumerated() {
            tokens.replaceSubrange((1 + 7 * block)..<(5 + 7 * block), with: SegmentSpace.rowOptions[option])
        }
        return Architecture(space: name, tokens: tokens)
    }

    /// The frame with a uniformly drawn option on every row: uniform over the slice.
    public func sampleInSupernet(using rng: inout SeededRandom) -> Architecture {
        framed(skeleton.blocks.indices.map { _ in rng.nextInt(below: SegmentSpace.rowOptions.count) })
    }

    /// The rows as a space: a controller chooses each block's op combination and nothing else.
    public var controlSpace: any SearchSpace { SegmentChoiceSpace(space: self) }

    /// The architecture whose blocks take the options of a `SegmentChoiceSpace` member.
    public func architecture(fromControl member: Architecture) throws -> Architecture {
        try controlSpace.validate(member)
        return framed(member.tokens)
    }
}
