import NASCore
import Testing
@testable import NASSpaces

/// Fixed-DAG cells (`SpaceSpec.fixedCell`) and the NB201 skeleton (`SpaceSpec.skeleton`): with
/// NB201's five ops the composed space decodes every cell to exactly `NB201Space`'s network.
@Suite struct FixedCellTests {
    static func composedNB201(channels: Int = 16, cells: Int = 5) throws -> ComposedSpace {
        try ComposedSpace(name: "mynb", spec: .skeleton(CellSkeleton(.nb201, channels: channels, cellsPerStage: cells),
                                                        .fixedCell("cell", nodes: 3, operations: NB201Space.operations)))
    }

    @Test func nb201WrittenWithPrimitivesHasTheSameSizeAndDecisions() throws {
        let mine = try FixedCellTests.composedNB201()
        #expect(mine.size == NB201Space().size)
        #expect(mine.decisions.map(\.name) == NB201Space.edges.map { "cell.edge_\($0.to)_\($0.from)" })
        #expect(mine.decisions.allSatisfy { $0.options == NB201Space.operations })
    }

    /// Same tokens, same graph: every node's op, inputs and shape agree (names aside), so the
    /// costs agree too; checked on 300 sampled cells and the two ends of the index.
    @Test func nb201WrittenWithPrimitivesDecodesToTheSameNetworks() throws {
        let nb201 = NB201Space(), mine = try FixedCellTests.composedNB201()
        var rng = SeededRandom(seed: 7)
        let cells = [try nb201.architecture(atIndex: 0), try nb201.architecture(atIndex: 15_624)]
            + (0..<300).map { _ in nb201.sample(using: &rng) }
        for cell in cells {
            let reference = try nb201.network(cell, input: nb201.defaultInput, classes: 10)
            let composed = try mine.network(Architecture(space: mine.name, tokens: cell.tokens), input: nb201.defaultInput, classes: 10)
            #expect(composed.nodes.map(FixedCellTests.structure) == reference.nodes.map(FixedCellTests.structure), "\(nb201.canonical(cell))")
            #expect(composed.cost.params == reference.cost.params && composed.cost.macs == reference.cost.macs)
        }
    }

    private static func structure(_ node: LayerNode) -> String { "\(node.op) \(node.inputs) \(node.outputShape)" }

    @Test func fixedCellCountsEnumeratesAndSkipsNoneEdges() throws {
        let space = try ComposedSpace(name: "c", spec: .stack(.choice("width", ["8"]), .choice("stride", ["2"]),
                                                              .fixedCell("c", nodes: 2, operations: ["none", "conv3x3"])))
        #expect(space.size == BigCount(8))
        let all = try space.enumerate(limit: 100)
        #expect(all.count == 8 && Set(all).count == 8)
        // Every edge a conv: the input's edges carry the stride, every edge outputs the width.
        let convs = try space.parse("width=8, stride=2, c.edge_1_0=conv3x3, c.edge_2_0=conv3x3, c.edge_2_1=conv3x3")
        let spec = try space.network(convs, input: TensorShape(channels: 3, height: 16, width: 16), classes: 10)
        let strides = spec.nodes.compactMap { node -> Int? in
            if case let .conv(out, _, stride, _, _, _, _) = node.op, out == 8 { return stride }
            return nil
        }
        #expect(strides == [2, 2, 1])
        // A node whose edges are all `none` is zeros of the cell's output shape, made from node 1
        // where the cell changes the channels; node 1 itself cannot be, and says so.
        let input = TensorShape(channels: 3, height: 16, width: 16)
        let late = try space.network(try space.parse("width=8, stride=2, c.edge_1_0=conv3x3, c.edge_2_0=none, c.edge_2_1=none"), input: input, classes: 10)
        #expect(late.nodes.contains { $0.op == .zero(stride: 1) && $0.outputShape == TensorShape(channels: 8, height: 8, width: 8) })
        let empty = try space.parse("width=8, stride=2, c.edge_1_0=none, c.edge_2_0=conv3x3, c.edge_2_1=none")
        do {
            _ = try space.network(empty, input: input, classes: 10)
            Issue.record("an all-zero node changed the channels")
        } catch let e as SpaceError {
            #expect(e.message.contains("c.node1") && e.message.contains("3 channels into 8"), "\(e.message)")
        }
    }

    @Test func skeletonSharesOneCellAcrossItsPositions() throws {
        let small = try FixedCellTests.composedNB201(channels: 4, cells: 2)
        #expect(small.decisions.count == 6)
        var rng = SeededRandom(seed: 1)
        let spec = try small.network(small.sample(using: &rng), input: small.defaultInput, classes: 10)
        let positions = Set(spec.nodes.compactMap { $0.name.split(separator: ".").first.map(String.init) }.filter { $0.hasPrefix("stage") })
        #expect(positions == ["stage1", "stage2", "stage3"])
        #expect(spec.nodes.contains { $0.name.hasPrefix("stage3.cell1.cell.") })
    }
}
