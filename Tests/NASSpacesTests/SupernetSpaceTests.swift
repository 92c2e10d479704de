import NASCore
import Testing
@testable import NASSpaces

/// The supernets of the spaces: each architecture's paths are exactly its stand-alone network,
/// the published derivation rules, selections that derive back, and inputs of every shape.
@Suite struct SupernetSpaceTests {
    static let input = TensorShape(channels: 3, height: 16, width: 16)

    /// Small conforming spaces, by name.
    static let names = ["nb201", "cell", "cell_3nodes", "fbnet", "chain_fixed", "chain_resnet_fixed", "chain_densenet_fixed", "segment", "segment_resnet"]

    static func make(_ name: String) throws -> any SupernetSpace {
        let convs = ["conv1x1", "conv3x3", "sep_conv_3x3"]
        switch name {
        case "nb201": return NB201Space(channels: 4, cellsPerStage: 1)
        case "cell": return try CellSpace(channels: 4, layers: 3)
        case "cell_3nodes": return try CellSpace(operations: ["skip_connect", "sep_conv_3x3", "none"], nodes: 3, channels: 4, layers: 4)
        case "fbnet": return FBNetSpace()
        case "segment": return SegmentSpace()
        case "segment_resnet": return SegmentSpace(skeleton: .resnet)
        case "chain_fixed": return try ComposedSpace.chain(depth: 3...3, operations: convs, widths: [8], strides: [1])
        case "chain_resnet_fixed":
            return try ComposedSpace.chain(depth: 4...4, operations: convs, widths: [8], strides: [1], skips: .resnet, merge: .add)
        default: return try ComposedSpace.chain(depth: 3...3, operations: convs, widths: [8], strides: [1], skips: .densenet, merge: .concat)
        }
    }

    /// Parameters of the nodes the output depends on, once each choice point keeps only the
    /// branch `selection` picks (nothing where the row is off); an all-zero node depends on nothing.
    static func liveParameters(_ spec: NetworkSpec, choices: [ChoicePoint] = [], selection: [Int?] = []) -> Int {
        let costs = NetworkCost(spec).layers
        var pruned = spec
        for p in choices { pruned.nodes[p.node].inputs = selection[p.row].flatMap { p.branches[$0] }.map { [$0] } ?? [] }
        var live = [Bool](repeating: false, count: spec.nodes.count)
        var stack = [spec.output]
        while let id = stack.popLast() {
            guard id >= 0, !live[id] else { continue }
            live[id] = true
            if case .zero(_) = spec.nodes[id].op { continue }
            stack += pruned.nodes[id].inputs
        }
        return spec.nodes.indices.filter { live[$0] }.reduce(0) { $0 + costs[$1].params }
    }

    @Test(arguments: SupernetSpaceTests.names)
    func architecturePathsHoldTheStandAloneParameters(_ name: String) throws {
        let space = try Self.make(name)
        let supernet = try space.supernet(input: Self.input, classes: 10)
        #expect(supernet.choices.allSatisfy { supernet.network.nodes[$0.node].op == .add })
        var rng = SeededRandom(seed: 11)
        for _ in 0..<6 {
            let a = space.sampleInSupernet(using: &rng)
            let selection = try space.selection(of: a)
            #expect(selection.count == supernet.rows.count)
            let own = Self.liveParameters(try space.network(a, input: Self.input, classes: 10))
            let paths = Self.liveParameters(supernet.network, choices: supernet.choices, selection: selection)
            #expect(own == paths, "\(name): \(space.canonical(a))")
            #expect(own > 0)
        }
    }

    @Test(arguments: SupernetSpaceTests.names)
    func supernetsBuildForEveryInputShape(_ name: String) throws {
        let space = try Self.make(name)
        let inputs = [[3, 32, 32], [3, 16, 32], [3, 32, 16], [1, 1, 40], [2, 1, 128]].map { TensorShape(channels: $0[0], height: $0[1], width: $0[2]) }
        for input in inputs {
            let s = try space.supernet(input: input, classes: 7)
            #expect(s.network.nodes[s.network.output].outputShape == TensorShape(channels: 7, height: 1, width: 1), "\(name) \(input)")
            var rng = SeededRandom(seed: 3)
            let a = space.sampleInSupernet(using: &rng)
            let own = Self.liveParameters(try space.network(a, input: input, classes: 7))
            #expect(own == Self.liveParameters(s.network, choices: s.choices, selection: try space.selection(of: a)), "\(name) \(input)")
        }
    }

    @Test func nb201DerivesTheStrongestOpOtherThanNone() throws {
        let space = NB201Space()
        var weights = [[Double]](repeating: [0.2, 0.2, 0.2, 0.2, 0.2], count: 6)
        weights[0] = [0.6, 0.1, 0.1, 0.15, 0.05]   // none largest: nor_conv_3x3 is next
        weights[1] = [0.1, 0.1, 0.5, 0.2, 0.1]
        weights[5] = [0.9, 0.025, 0.025, 0.025, 0.025]   // a tie among the rest: the earlier op
        let a = try space.derive(from: weights)
        #expect(a.tokens == [3, 2, 1, 1, 1, 1])
        #expect(throws: SpaceError.self) { try space.derive(from: [[1, 0, 0, 0, 0]]) }
    }

    @Test func cellRowsAreEveryEdgeOfBothCells() throws {
        let space = try CellSpace(channels: 4, layers: 3)
        let s = try space.supernet(input: Self.input, classes: 10)
        #expect(s.rows.count == 28)
        #expect(s.rows.first?.name == "normal.edge_2_0" && s.rows[14].name == "reduce.edge_2_0" && s.rows.last?.name == "reduce.edge_5_4")
        #expect(s.rows.allSatisfy { $0.options == ["none"] + CellSpace.dartsOperations })
        // 3 cells × 14 edges, each edge one choice point with no branch for none.
        #expect(s.choices.count == 42)
        #expect(s.choices.allSatisfy { $0.branches.count == 8 && $0.branches[0] == nil && $0.branches.dropFirst().allSatisfy { $0 != nil } })
        #expect(s.choices.filter { $0.row < 14 }.count == 14)   // cell 0 is normal; 1 and 2 reduce
    }

    @Test func cellDerivesTheTopTwoEdgesPerNode() throws {
        let space = try CellSpace(operations: ["max_pool_3x3", "skip_connect", "sep_conv_3x3"], nodes: 2, channels: 4, layers: 3)
        // Rows per cell: edge 2←0, 2←1, 3←0, 3←1, 3←2; options none, max_pool_3x3, skip_connect, sep_conv_3x3.
        let normal: [[Double]] = [[0.1, 0.2, 0.3, 0.4], [0.7, 0.1, 0.1, 0.1],
                                  [0.9, 0.05, 0.05, 0.0], [0.1, 0.3, 0.3, 0.3], [0.1, 0.1, 0.5, 0.3]]
        let reduce: [[Double]] = [[0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25],
                                  [0.1, 0.3, 0.3, 0.3], [0.1, 0.3, 0.3, 0.3], [0.1, 0.3, 0.3, 0.3]]
        let a = try space.derive(from: normal + reduce)
        // Normal node 2: both edges, 2←0 first (sep_conv 0.4 beats max_pool 0.1, none ignored);
        // node 3: 3←2 (skip 0.5), then 3←1 (0.3, the earliest of the tied ops); 3←0 has only none strong.
        // Reduce: every strength ties, so the earlier sources and ops win.
        #expect(a.tokens == [0, 2, 1, 0, 2, 1, 1, 0,
                             0, 0, 1, 0, 0, 0, 1, 0])
        try space.validate(a)
        #expect(throws: SpaceError.self) { try space.derive(from: normal) }
    }

    @Test func oneHotSelectionsDeriveTheirArchitecture() throws {
        var rng = SeededRandom(seed: 21)
        for name in Self.names {
            let space = try Self.make(name)
            let rows = try space.supernet(input: Self.input, classes: 10).rows
            for _ in 0..<5 {
                let a = space.sampleInSupernet(using: &rng)
                let selection = try space.selection(of: a)
                // The rules never derive none: an architecture that uses it derives the strongest other op.
                if zip(rows, selection).contains(where: { row, s in s.map { row.options[$0] == "none" } ?? false }) { continue }
                let weights = zip(rows, selection).map { row, s in row.options.indices.map { $0 == s ? 1.0 : 0.0 } }
                let derived = try space.derive(from: weights)
                #expect(space.identity(derived) == space.identity(a), "\(name): \(space.canonical(a)) → \(space.canonical(derived))")
            }
        }
    }

    @Test func nb201SelectionIsTheCell() throws {
        let space = NB201Space()
        let a = try space.parse("|nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|none~2|")
        #expect(try space.selection(of: a) == [3, 0, 1, 4, 2, 0])
        #expect(try space.derive(from: [3, 4, 1, 4, 2, 2].map { t in (0..<5).map { $0 == t ? 1.0 : 0.0 } }).tokens == [3, 4, 1, 4, 2, 2])
    }

    @Test func cellSelectionSwitchesOnTheEdgesTheCellReads() throws {
        let space = CellSpace()
        let a = try space.parse(CellSpace.dartsV2)
        let s = try space.selection(of: a)
        #expect(s.count == 28 && s.compactMap { $0 }.count == 16)
        // Normal node 2 reads sep_conv_3x3 (op 3, option 4) on both inputs; node 5 skip_connect(0) and dil_conv_3x3(2).
        #expect(s[0] == 4 && s[1] == 4)
        #expect(s[9] == 3 && s[10] == nil && s[11] == 6 && s[12] == nil)
        let twice = Architecture(space: "cell", tokens: [0, 3, 0, 4] + Array(a.tokens.dropFirst(4)))
        #expect(throws: SpaceError.self) { try space.selection(of: twice) }
    }

    @Test func fbnetSelectionAndDerivationAreTheBlocks() throws {
        let space = FBNetSpace()
        let a = try space.parse(FBNetSpace.fbnetB)
        let s = try space.selection(of: a)
        #expect(s == a.tokens.map { $0 })
        let weights = s.map { t in (0..<9).map { $0 == t ? 0.3 : 0.0875 } }
        #expect(try space.derive(from: weights) == a)
    }

    @Test func chainsThatChangeTheSkeletonHaveNoSupernet() throws {
        func message(_ space: ComposedSpace) -> String {
            do { _ = try space.supernet(input: Self.input, classes: 10); return "" } catch let e as SpaceError { return e.message } catch { return "\(error)" }
        }
        #expect(message(try ComposedSpace.chain()).contains("'layer' chooses a depth within 1...6"))
        #expect(message(try ComposedSpace.chain(depth: 2...2, widths: [8])).contains("'layer[0].stride'"))
        #expect(message(try ComposedSpace.chain(depth: 2...2, operations: ["conv3x3"], widths: [8, 16], strides: [1])).contains("'layer[0].op[conv3x3].width'"))
        #expect(message(try ComposedSpace.chain(depth: 2...2, widths: [8], strides: [1])).contains("options of 'layer[0].op' give different shapes"))
        // Pooling keeps the input's width where a convolution sets its own: equal shapes here, but not for what follows.
        #expect(message(try ComposedSpace.chain(depth: 2...2, operations: ["conv3x3", "max_pool_3x3"], widths: [3], strides: [1]))
            .contains("options of 'layer[0].op' leave different widths"))
        #expect(message(try ComposedSpace.chain(depth: 3...3, operations: ["conv3x3"], widths: [8], strides: [1], skips: .chosen))
            .contains("'layer[1].inputs.from_in' chooses whether to read an earlier layer"))
        #expect(throws: SpaceError.self) { try ComposedSpace.chain().selection(of: Architecture(space: "chain", tokens: [0])) }
    }

    @Test func chainRowsAreTheOpDecisions() throws {
        let space = try Self.make("chain_resnet_fixed") as! ComposedSpace
        let s = try space.supernet(input: Self.input, classes: 10)
        #expect(s.rows.map(\.name) == ["layer[0].op", "layer[1].op", "layer[2].op", "layer[3].op"])
        #expect(s.choices.map(\.row) == [0, 1, 2, 3])
        let a = try space.derive(from: [[0, 1, 0], [0, 0, 1], [1, 0, 0], [0.2, 0.2, 0.1]])
        #expect(space.canonical(a).contains("layer[1].op=sep_conv_3x3") && space.canonical(a).contains("layer[3].op=conv1x1"))
        try space.validate(a)
    }
}
