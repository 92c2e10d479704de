import NASCore
import NASSpaces
import NASTensor
import Testing
@testable import NASTraining

/// Every space decodes networks for square, non-square and 1-D inputs (a 1-D signal is
/// `[C, 1, W]`) that the tensor engine builds as the spec says: each node's tensor has the
/// spec's shape, the model has the spec's parameter count, two samples give `[2, classes]`
/// logits, and on 1-D signals the fused inference model agrees with the training graph. Spaces are built small (few channels, cells or resolutions) where they allow it; the
/// fixed skeletons with published widths run one seed.
@Suite struct InputShapeTests {
    static let inputs = [[3, 32, 32], [3, 16, 32], [3, 32, 16], [1, 1, 40], [2, 1, 128]]
        .map { TensorShape(channels: $0[0], height: $0[1], width: $0[2]) }

    /// The spaces under test, by name (`make` builds each).
    static let names = ["nb201", "chain", "chain_chosen", "chain_resnet", "chain_resnet_concat", "chain_densenet",
                        "chain_densenet_add", "segment", "segment_resnet", "cell", "hierarchical", "ofa", "fbnet", "basenet",
                        "composed_cells", "composed_dense", "composed_nb201", "chain_every_op"]

    @Test("every space of the catalogue is among the spaces checked here")
    func everyCatalogueSpaceIsChecked() {
        for name in SpaceCatalogue.names { #expect(Self.names.contains(name), "\(name) has no input-shape check") }
    }

    /// A small version of the space `name`, with the seeds it is sampled at.
    static func make(_ name: String) throws -> (space: any SearchSpace, seeds: [UInt64]) {
        let two: [UInt64] = [1, 5], one: [UInt64] = [1]
        switch name {
        case "nb201": return (NB201Space(channels: 4, cellsPerStage: 1), two)
        case "chain": return (try ComposedSpace.chain(widths: [4, 8]), two)
        case "chain_chosen": return (try ComposedSpace.chain(widths: [4, 8], skips: .chosen), two)
        case "chain_resnet": return (try ComposedSpace.chain(widths: [4, 8], skips: .resnet, merge: .add), two)
        case "chain_resnet_concat": return (try ComposedSpace.chain(widths: [4, 8], skips: .resnet, merge: .concat), two)
        case "chain_densenet": return (try ComposedSpace.chain(widths: [4, 8], skips: .densenet, merge: .concat), two)
        case "chain_densenet_add": return (try ComposedSpace.chain(widths: [4, 8], skips: .densenet, merge: .add), two)
        case "segment": return (SegmentSpace(), one)
        case "segment_resnet": return (SegmentSpace(skeleton: .resnet), one)
        case "cell": return (try CellSpace(channels: 4, layers: 3), two)
        case "hierarchical": return (HierarchicalSpace(motifs: 2, channels: 4), one)
        case "ofa": return (OFASpace(resolutions: [40, 64]), one)
        case "fbnet": return (FBNetSpace(), one)
        case "basenet": return (try BasenetSpace(stages: [(4, 1), (8, 1)]), two)
        case "chain_every_op":
            let ops = OperationCatalogue.examples + ["conv3x3_d2_g2", "dil_conv_5x5_d3", "mbconv_e3_k5_hswish"]
            return (try ComposedSpace.chain(depth: 3...6, operations: ops, widths: [4, 8], skips: .resnet, merge: .add), [1, 2, 3, 5, 8])
        default: return (try composed(name), two)
        }
    }

    /// Spaces written with the composition primitives: searched DAG cells (a normal and a
    /// reduction cell), inputs merged by concatenation inside a repeat, and a fixed-DAG cell with
    /// a stride in NB201's skeleton.
    static func composed(_ name: String) throws -> ComposedSpace {
        if name == "composed_nb201" {
            let cell = SpaceSpec.stack(.choice("stride", ["1", "2"]), .fixedCell("cell", nodes: 3, operations: NB201Space.operations))
            return try ComposedSpace(name: name, spec: .skeleton(CellSkeleton(.nb201, channels: 4, cellsPerStage: 1), cell))
        }
        let ops = ["sep_conv_3x3", "skip_connect", "max_pool_3x3"]
        let cells = SpaceSpec.stack(.choice("width", ["4"]), .cell("cell", nodes: 2, operations: ops),
                                    .choice("stride", ["2"]), .cell("reduce", nodes: 2, operations: ops))
        let dense = SpaceSpec.repeat("layer", 1...4, .stack(.choice("stride", ["1", "2"]), .inputs("in", .densenet, .concat),
                                                             .choice("op", ["conv3x3", "avg_pool_3x3"])))
        return try ComposedSpace(name: name, spec: name == "composed_cells" ? cells : dense)
    }

    @Test(arguments: InputShapeTests.names)
    func buildsForEveryInputShape(_ name: String) throws {
        let (space, seeds) = try InputShapeTests.make(name)
        for seed in seeds {
            var rng = SeededRandom(seed: seed)
            let arch = space.sample(using: &rng)
            for input in InputShapeTests.inputs {
                try checkForward(space, arch, input: input, label: "\(name) seed \(seed) \(input) \(space.canonical(arch))")
            }
        }
    }

    /// Builds the spec and the model, runs two samples forward and compares every tensor shape.
    private func checkForward(_ space: any SearchSpace, _ arch: Architecture, input: TensorShape, label: String) throws {
        let spec: NetworkSpec
        do {
            spec = try space.network(arch, input: input, classes: 10)
        } catch {
            Issue.record("\(label): \(error)")
            return
        }
        let model = try Model(spec: spec, seed: 1)
        #expect(model.parameterCount == spec.cost.params, "\(label): the model's parameters differ from the spec's cost")
        let x = Tensor(zeros: [2, input.channels, input.height, input.width])
        var rng = SeededRandom(seed: 3)
        for i in 0..<x.count { x.data[i] = Float(rng.nextGaussian()) }
        let values = try model.activations(try model.fitted(x), training: false, keepAll: true, rng: &rng)
        for node in spec.nodes {
            let got = values[node.id]!.shape, s = node.outputShape
            let expected = got.count == 2 ? [2, s.channels * s.height * s.width] : [2, s.channels, s.height, s.width]
            #expect(got == expected, "\(label) node \(node.name) (\(node.op.summary)): tensor \(got), spec \(s)")
        }
        let logits = Model.flattened(try values[spec.output]!.plain())
        #expect(logits.shape == [2, 10], "\(label): logits")
        guard input.height == 1 else { return }
        // The fused inference plan reads the same spec; on 1-D signals it must agree too.
        let fused = try model.inferenceModel()(x)
        #expect(Fixture.worst(fused.values, logits.values, atol: 1e-2, rtol: 1e-2) <= 0, "\(label): fused inference differs")
    }
}
