import NASCore
import Testing
@testable import NASSpaces

/// Cutting a blockwise network into parts, against the whole network's own cost.
@Suite struct BlockwiseSpaceTests {
    static let space = FBNetSpace()
    static let input = TensorShape(channels: 3, height: 32, width: 32)

    @Test("the parts of an FBNet network add up to the whole: every node once, MACs and parameters summed")
    func partsCoverTheNetwork() throws {
        var rng = SeededRandom(seed: 4)
        for _ in 0..<5 {
            let a = Self.space.sample(using: &rng)
            let whole = try Self.space.network(a, input: Self.input, classes: 10)
            let parts = try Self.space.blockParts(of: a, input: Self.input, classes: 10)
            #expect(parts.count == 24)   // stem, 22 layers, head
            #expect(parts.reduce(0) { $0 + $1.spec.nodes.count } == whole.nodes.count)
            #expect(parts.reduce(0) { $0 + $1.spec.cost.macs } == whole.cost.macs)
            #expect(parts.reduce(0) { $0 + $1.spec.cost.params } == whole.cost.params)
            // Each part reads what the part before it wrote.
            for (before, after) in zip(parts, parts.dropFirst()) {
                #expect(before.spec.nodes[before.spec.output].outputShape == after.spec.input)
            }
        }
    }

    @Test("a part's key names its position, block type and input shape")
    func keys() throws {
        let a = try Self.space.parse(FBNetSpace.fbnetB)
        let parts = try Self.space.blockParts(of: a, input: Self.input, classes: 10)
        #expect(parts.first?.key == "stem@3x32x32")
        #expect(parts[1].key == "layer1:k3_e1@16x16x16")
        #expect(parts[2].key == "layer2:k3_e6@16x16x16")     // stride 2 in the block: input still 16×16
        #expect(parts[3].key == "layer3:k5_e1@24x8x8")
        #expect(parts.last?.key == "head@352x1x1")
    }

    @Test("specified networks repeat one block type; replacing changes exactly one position")
    func specifiedNetworks() throws {
        let sn = try #require(try Self.space.specifiedNetwork("k5_e3"))
        #expect(Self.space.canonical(sn) == Array(repeating: "k5_e3", count: 22).joined(separator: "-"))
        let changed = try #require(try Self.space.replacing(sn, position: 4, with: "skip"))
        #expect(zip(sn.tokens, changed.tokens).filter { $0 != $1 }.count == 1)
        #expect(changed.token(at: 4) == 8)
        #expect(try Self.space.specifiedNetwork("conv7x7") == nil)
    }
}
