import Foundation
import NASCore
import Testing
@testable import NASSpaces

/// Composed spaces: counts against closed-form formulas, patterns, depth handling.
@Suite struct CompositionTests {
    /// Per layer: 2 strides × (3 convs × 4 widths + 2 pools) = 28 settings; depth 1–6 gives
    /// Σ 28^d (Python: sum(28**d for d in range(1,7))), and with chosen skips layer i adds i
    /// yes/no flags: Σ 28^d · 2^(d(d-1)/2).
    @Test func chainSizesMatchClosedForms() throws {
        #expect(try ComposedSpace.chain().size.description == "499738092")
        #expect(try ComposedSpace.chain(skips: .chosen).size.description == "15808244413500")
        #expect(try ComposedSpace.chain(skips: .resnet).size.description == "499738092")
    }

    @Test func enumerationMatchesSizeAndIsDistinct() throws {
        let space = try ComposedSpace.chain(depth: 1...3, operations: ["conv3x3", "max_pool_3x3"], widths: [8, 16], strides: [1, 2],
                                            skips: .chosen)
        let all = try space.enumerate(limit: 100_000)
        #expect(BigCount(all.count) == space.size)
        #expect(Set(all).count == all.count)
        for a in all { try space.validate(a) }
        // Per layer 2 × (2 + 1) = 6: 6 + 36·2 + 216·8.
        #expect(all.count == 6 + 36 * 2 + 216 * 8)
    }

    @Test func samplingIsUniformOverDepthsWeightedByMembers() throws {
        let space = try ComposedSpace.chain(depth: 1...2, operations: ["conv3x3"], widths: [8, 16, 32], strides: [1])
        var rng = SeededRandom(seed: 3)
        var deep = 0
        for _ in 0..<4_000 where space.sample(using: &rng).tokens[0] == 1 { deep += 1 }
        // 3 one-layer members and 9 two-layer ones: depth 2 has probability 3/4.
        #expect(abs(Double(deep) / 4_000 - 0.75) < 0.03)
    }

    @Test func mutationsAddRemoveLayersAndSkips() throws {
        let space = try ComposedSpace.chain(skips: .chosen)
        var rng = SeededRandom(seed: 9)
        var depthChanges = 0, skipChanges = 0
        for _ in 0..<500 {
            let a = space.sample(using: &rng)
            let m = space.mutate(a, using: &rng)
            try space.validate(m)
            #expect(m != a)
            if m.tokens[0] != a.tokens[0] { depthChanges += 1 }
            let flags = space.decisions.indices.filter { space.decisions[$0].name.contains(".from_") }
            if flags.contains(where: { a.tokens[$0] != m.tokens[$0] }) && m.tokens[0] == a.tokens[0] { skipChanges += 1 }
            for n in space.neighbors(a) { try space.validate(n) }
        }
        #expect(depthChanges > 0 && skipChanges > 0)
    }

    @Test func resnetAndDenseNetPatternsWireTheRightInputs() throws {
        var rng = SeededRandom(seed: 1)
        let resnet = try ComposedSpace.chain(depth: 4...4, operations: ["conv3x3"], widths: [16], strides: [1], skips: .resnet, merge: .add)
        let spec = try resnet.network(resnet.sample(using: &rng), input: resnet.defaultInput, classes: 10)
        #expect(spec.nodes.filter { $0.op == .add }.count == 3)   // layers 2, 3, 4 add the output two back
        let dense = try ComposedSpace.chain(depth: 4...4, operations: ["conv3x3"], widths: [16], strides: [1], skips: .densenet)
        let dspec = try dense.network(dense.sample(using: &rng), input: dense.defaultInput, classes: 10)
        // Layer i (0-based) concatenates its predecessor with i earlier outputs.
        #expect(dspec.nodes.filter { $0.op == .concat }.map { $0.inputs.count } == [2, 3, 4])
    }

    @Test func composedCellAndRepeatDecode() throws {
        let spec = SpaceSpec.stack(
            .choice("width", ["16"]), .choice("stem", ["conv3x3"]),
            .repeat("stage", 1...2, .stack(.choice("stride", ["2"]), .cell("cell", nodes: 3, operations: ["nor_conv_3x3", "skip_connect", "avg_pool_3x3"]))))
        let space = try ComposedSpace(name: "mine", spec: spec)
        // One stage: Π_j (3j)² for j = 1..3 = 9·36·81; two stages: its square.
        let one = 9 * 36 * 81
        #expect(space.size == BigCount(one) + BigCount(one) * BigCount(one))
        var rng = SeededRandom(seed: 4)
        for _ in 0..<50 {
            let a = space.sample(using: &rng)
            let net = try space.network(a, input: space.defaultInput, classes: 10)
            let stages = a.tokens[space.decisions.firstIndex { $0.name == "stage" }!] + 1
            #expect(net.nodes[net.output - 2].outputShape.height == 32 >> stages)
            #expect(try space.parse(space.canonical(a)) == a)
        }
    }

    @Test func malformedSpecsAndTextAreReported() throws {
        #expect(throws: SpaceError.self) { try ComposedSpace(name: "x", spec: .choice("op", [])) }
        #expect(throws: SpaceError.self) { try ComposedSpace(name: "x", spec: .choice("op", ["a,b", "c"])) }
        #expect(throws: SpaceError.self) { try ComposedSpace(name: "x", spec: .choice("op", ["a", "a"])) }
        #expect(throws: SpaceError.self) { try ComposedSpace(name: "x", spec: .inputs("in", .chosen, .add)) }
        #expect(throws: SpaceError.self) { try ComposedSpace(name: "x", spec: .cell("c", nodes: 2, operations: ["warp_drive"])) }
        #expect(throws: SpaceError.self) { try ComposedSpace.chain(depth: 0...3) }
        #expect(throws: SpaceError.self) { try ComposedSpace(name: "x", spec: .stack(.choice("width", ["8"]), .choice("width", ["16"]))) }
        let space = try ComposedSpace.chain(depth: 1...2)
        do {
            _ = try space.parse("layer=1, layer[0].stride=1, layer[0].op=conv3x3, layer[0].op[conv3x3].width=16, layer[1].stride=1")
            Issue.record("a decision of an inactive layer was accepted")
        } catch let e as SpaceError { #expect(e.message.contains("layer[1].stride")) }
        do {
            _ = try space.parse("layer=3")
            Issue.record("depth 3 accepted")
        } catch let e as SpaceError { #expect(e.message.contains("'layer'")) }
    }
}
