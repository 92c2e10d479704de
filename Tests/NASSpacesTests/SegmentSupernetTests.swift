import NASCore
import Testing
@testable import NASSpaces

/// The segment space's supernet: the frame's skeleton with each block's 16 op combinations mixed,
/// selections and derivations inside the slice, clear errors outside it, uniform in-slice sampling.
@Suite struct SegmentSupernetTests {
    static let input = TensorShape(channels: 3, height: 32, width: 32)

    /// A small skeleton (widths 8/16/24) for tests that build the supernet's parameters.
    static let tiny = SegmentSkeleton(
        name: "tiny", stemChannels: 8, stemKernel: 3, stemStride: 2, stemPool: false,
        blocks: [SegmentSkeleton.block(8, stride: 1), SegmentSkeleton.block(16, stride: 2), SegmentSkeleton.block(24, stride: 2)],
        headChannels: 32)

    /// The 16 row options listed by hand from the space's rules: conv and basic take a kernel;
    /// MBConv a kernel, an expansion and an SE ratio (`_se`: 0.25).
    static let labels = ["conv_k3", "conv_k5",
                         "mbconv_k3_e1", "mbconv_k3_e1_se", "mbconv_k3_e3", "mbconv_k3_e3_se", "mbconv_k3_e6", "mbconv_k3_e6_se",
                         "mbconv_k5_e1", "mbconv_k5_e1_se", "mbconv_k5_e3", "mbconv_k5_e3_se", "mbconv_k5_e6", "mbconv_k5_e6_se",
                         "basic_k3", "basic_k5"]

    static func oneHot(_ selection: [Int?]) -> [[Double]] {
        selection.map { s in (0..<16).map { $0 == s ? 1.0 : 0.0 } }
    }

    @Test func rowsAreTheSixteenOpCombinationsOfEachBlock() throws {
        let space = SegmentSpace()
        let s = try space.supernet(input: Self.input, classes: 10)
        #expect(s.rows.map(\.name) == (1...7).map { "block\($0)" })
        #expect(s.rows.allSatisfy { $0.options == Self.labels })
        // MnasNet-A1 repeats its blocks 1, 2, 3, 4, 2, 3, 1 times: one choice point per layer, on its block's row.
        #expect(s.choices.map(\.row) == [0, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 5, 6])
        #expect(s.choices.allSatisfy { $0.branches.count == 16 && $0.branches.allSatisfy { $0 != nil } })
        #expect(s.network.nodes[s.network.output].outputShape == TensorShape(channels: 10, height: 1, width: 1))
    }

    @Test func mnasnetA1SelectsItsOwnBlocks() throws {
        let space = SegmentSpace()
        let a1 = try space.member("mnasnet_a1")
        // k3_e1, k3_e6, k5_e3_se, k3_e6, k3_e6_se, k5_e6_se, k3_e6 in the hand list above.
        #expect(try space.selection(of: a1) == [2, 6, 11, 6, 7, 13, 6])
        #expect(try space.derive(from: Self.oneHot([2, 6, 11, 6, 7, 13, 6])) == a1)
        let resnet = SegmentSpace(skeleton: .resnet)
        #expect(try resnet.selection(of: try resnet.member("resnet18")) == [14, 14, 14, 14])
    }

    @Test func derivingTakesTheStrongestOptionAndTheFrameElsewhere() throws {
        let space = SegmentSpace()
        var weights = [[Double]](repeating: [Double](repeating: 1.0 / 16, count: 16), count: 7)
        weights[0][15] = 0.5   // basic_k5
        weights[3][0] = 0.2    // conv_k3
        weights[3][1] = 0.2    // a tie: the earlier option
        let a = try space.derive(from: weights)
        // Untouched rows tie everywhere: conv_k3. Widths, depths, skips and activation are MnasNet-A1's.
        #expect(space.canonical(a) == "relu | basic_k5_c16_x1_noskip | conv_k3_c24_x2 | conv_k3_c40_x3 | conv_k3_c80_x4 | conv_k3_c112_x2 | conv_k3_c160_x3 | conv_k3_c320_x1")
        #expect(throws: SpaceError.self) { try space.derive(from: Array(weights.prefix(6))) }
        #expect(throws: SpaceError.self) { try space.derive(from: weights.map { Array($0.prefix(15)) }) }
    }

    @Test func selectionsDeriveBackAndPathsHoldTheStandAloneParameters() throws {
        let space = SegmentSpace()
        let s = try space.supernet(input: Self.input, classes: 10)
        var rng = SeededRandom(seed: 5)
        for _ in 0..<6 {
            let a = space.sampleInSupernet(using: &rng)
            let selection = try space.selection(of: a)
            #expect(try space.derive(from: Self.oneHot(selection)) == a)
            let own = SupernetSpaceTests.liveParameters(try space.network(a, input: Self.input, classes: 10))
            #expect(own == SupernetSpaceTests.liveParameters(s.network, choices: s.choices, selection: selection), "\(space.canonical(a))")
        }
    }

    @Test func architecturesOutsideTheSliceAreRefusedClearly() throws {
        let space = SegmentSpace()
        let v2 = try space.member("mobilenetv2")   // ReLU6, not MnasNet-A1's ReLU
        let error = try #require(throws: SpaceError.self) { try space.selection(of: v2) }
        #expect(error.message.contains("outside") && error.message.contains("'activation' is relu6"))
        var narrower = try space.member("mnasnet_a1")
        narrower = try space.parse(space.canonical(narrower).replacingOccurrences(of: "c40_x3", with: "c32_x3"))
        let width = try #require(throws: SpaceError.self) { try space.selection(of: narrower) }
        #expect(width.message.contains("'block3.width' is 32") && width.message.contains("has 40"))
        let sliced = try space.sliced()
        let refused = try #require(throws: SpaceError.self) { try sliced.validate(narrower) }
        #expect(refused.message.contains("'block3.width' is 32"))
        #expect(throws: SpaceError.self) { try space.sliced(frame: Architecture(space: "segment", tokens: [0])) }
    }

    @Test func theSlicedSpaceIsTheSupernetsArchitectures() throws {
        let sliced = try SegmentSpace().sliced(frame: try SegmentSpace().member("mobilenetv2"))
        #expect(sliced.size == BigCount(16).power(7))
        var rng = SeededRandom(seed: 9)
        var a = sliced.sample(using: &rng)
        for _ in 0..<30 {
            #expect(sliced.sliceViolation(a) == nil && (try? sliced.selection(of: a)) != nil, "\(sliced.canonical(a))")
            a = sliced.mutate(a, using: &rng)
        }
        #expect(sliced.canonical(a).hasPrefix("relu6 | ") && sliced.canonical(a).hasSuffix("_c320_x1"))
        #expect(try sliced.selection(of: sliced.frame).count == 7)
    }

    @Test func samplingInTheSupernetIsUniformOverEachRow() throws {
        let space = SegmentSpace(skeleton: .resnet)
        var rng = SeededRandom(seed: 1)
        var counts = [[Int]](repeating: [Int](repeating: 0, count: 16), count: 4)
        for _ in 0..<3200 {
            let a = space.sampleInSupernet(using: &rng)
            #expect(space.sliceViolation(a) == nil)
            for (row, option) in try space.selection(of: a).enumerated() { counts[row][option!] += 1 }
        }
        // 200 expected per option; a binomial(3200, 1/16) count has a standard deviation of about 13.7.
        #expect(counts.allSatisfy { $0.allSatisfy { abs($0 - 200) < 70 } }, "\(counts)")
    }

    @Test func theControlSpaceChoosesOnlyTheRows() throws {
        let space = SegmentSpace()
        let control = space.controlSpace
        #expect(control.decisions.count == 7 && control.decisions.allSatisfy { $0.options == Self.labels })
        #expect(control.size == BigCount(16).power(7))
        let member = try control.parse("conv_k3 | conv_k5 | mbconv_k3_e1 | mbconv_k5_e6_se | basic_k3 | basic_k5 | mbconv_k3_e3")
        #expect(member.tokens == [0, 1, 2, 13, 14, 15, 4])
        let a = try space.architecture(fromControl: member)
        #expect(try space.selection(of: a) == [0, 1, 2, 13, 14, 15, 4])
        #expect(control.canonical(member) == "conv_k3 | conv_k5 | mbconv_k3_e1 | mbconv_k5_e6_se | basic_k3 | basic_k5 | mbconv_k3_e3")
        #expect(try control.network(member, input: Self.input, classes: 10) == (try space.network(a, input: Self.input, classes: 10)))
        #expect(throws: SpaceError.self) { try space.architecture(fromControl: space.frame) }
    }
}
