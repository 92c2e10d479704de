import NASCore
import NASSpaces
import NASTensor
import Testing
@testable import NASTraining

/// Network morphisms keep the function: a trained network and its morphed copy give the same
/// outputs on real data in inference mode; and the hill-climbing search over them.
///
/// One kernel thread per run (see `TrainerTests`).
@Suite struct MorphismTests {
    static let digits = try! BuiltinDatasets.load("digits", seed: 1)
    static let recipe = TrainingConfig(epochs: 1, batchSize: 64, learningRate: 0.05, threads: 1)

    /// conv(8)-BN-ReLU, conv(16)-BN-ReLU, 2×2 max pooling, linear: ids 0…7 (relu1 = 2, relu2 = 5).
    static func network() throws -> NetworkSpec {
        var b = try NetworkBuilder(input: digits.shape)
        var last = NetworkBuilder.inputID
        for (i, c) in [8, 16].enumerated() {
            last = try b.chain([(.conv(outChannels: c, kernel: 3, stride: 1, padding: 1, dilation: 1, groups: 1, bias: i == 0), "conv\(i + 1)"),
                                (.batchNorm, "bn\(i + 1)"), (.relu, "relu\(i + 1)")], from: last)
        }
        last = try b.add(.maxPool(kernel: 2, stride: 2, padding: 0), [last], name: "pool")
        let output = try b.add(.linear(outFeatures: 10, bias: true), [last], name: "classifier")
        return b.build(output: output)
    }

    /// The network trained one epoch, so that weights and batch-norm statistics are far from their start.
    static func trained() throws -> Model {
        let model = try Model(spec: network(), seed: 7)
        _ = try Trainer(config: recipe).train(model, on: digits, seed: 1)
        return model
    }

    /// 100 validation images.
    static func batch() -> Tensor {
        var none: SeededRandom? = nil
        return BatchLoader().tensor(digits.valid, shape: digits.shape, indices: Array(0..<100), augment: &none).0
    }

    static func outputs(_ model: Model, training: Bool = false) throws -> [Float] {
        var rng = SeededRandom(seed: 0)
        return try model.forward(batch(), training: training, rng: &rng).values
    }

    /// Equal to float tolerance: within 1e-4 of the largest magnitude (at least 1).
    static func expectSame(_ a: [Float], _ b: [Float], _ what: String) {
        #expect(a.count == b.count, "\(what): \(a.count) against \(b.count) outputs")
        let scale = max(1, a.map(abs).max() ?? 0)
        let worst = zip(a, b).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst <= 1e-4 * scale, "\(what): outputs differ by up to \(worst) (scale \(scale))")
    }

    static func morph(_ model: Model, _ m: Morphism, noise: Double = 0, calibration: Tensor? = nil) throws -> Model {
        var rng = SeededRandom(seed: 11)
        return try m.apply(to: model, rng: &rng, noise: noise, calibration: calibration)
    }

    @Test func trainedNetworkHasNonTrivialBatchNormStatistics() throws {
        let model = try Self.trained()
        guard case .batchNorm(_, _, let mean, let variance)? = model.layers[4] else { Issue.record("no bn2"); return }
        #expect(mean.values.contains { abs($0) > 0.05 } && variance.values.contains { abs($0 - 1) > 0.05 })
    }

    @Test(arguments: [(0, 0.0), (0, 0.3), (3, 0.0), (3, 0.3)])
    func wideningKeepsTheOutputs(node: Int, noise: Double) throws {
        let model = try Self.trained()
        let before = try Self.outputs(model)
        let wide = try Self.morph(model, .widen(node: node, to: node == 0 ? 13 : 40), noise: noise)
        Self.expectSame(before, try Self.outputs(wide), "widen node \(node), noise \(noise)")
        #expect(wide.parameterCount > model.parameterCount)
        #expect(wide.spec.nodes[node].outputShape.channels == (node == 0 ? 13 : 40))
        // The original is untouched.
        Self.expectSame(before, try Self.outputs(model), "the original after widening")
        // Copies of a channel have the same batch statistics, so training mode is preserved too.
        Self.expectSame(try Self.outputs(model, training: true), try Self.outputs(wide, training: true),
                        "widen node \(node), noise \(noise), training mode")
    }

    @Test func noiseChangesTheCopiesWeights() throws {
        let model = try Self.trained()
        let plain = try Self.morph(model, .widen(node: 0, to: 16)), noisy = try Self.morph(model, .widen(node: 0, to: 16), noise: 0.3)
        guard case .conv(let a, _)? = plain.layers[3], case .conv(let b, _)? = noisy.layers[3] else { Issue.record("no conv2"); return }
        #expect(a.values != b.values)
    }

    @Test(arguments: [false, true])
    func deepeningKeepsTheOutputs(calibrated: Bool) throws {
        let model = try Self.trained()
        let before = try Self.outputs(model)
        for relu in [2, 5] {
            let deep = try Self.morph(model, .deepen(after: relu), calibration: calibrated ? Self.batch() : nil)
            Self.expectSame(before, try Self.outputs(deep), "deepen after \(relu), calibrated \(calibrated)")
            #expect(deep.spec.nodes.count == model.spec.nodes.count + 3)
            #expect(deep.parameterCount > model.parameterCount)
        }
    }

    @Test func branchingKeepsTheOutputsInBothModes() throws {
        let model = try Self.trained()
        let before = try Self.outputs(model)
        let branched = try Self.morph(model, .branch(at: 2))
        Self.expectSame(before, try Self.outputs(branched), "branch, inference")
        #expect(branched.spec.nodes.contains { $0.op == .add })
        Self.expectSame(try Self.outputs(model, training: true), try Self.outputs(branched, training: true), "branch, training")
    }

    @Test func aChainOfMorphismsKeepsTheOutputs() throws {
        let model = try Self.trained()
        let before = try Self.outputs(model)
        var current = model, counts = [model.parameterCount]
        var rng = SeededRandom(seed: 5)
        // Ids shift as layers go in: each step names a node of the current spec.
        let chain: [(NetworkSpec) -> Morphism] = [
            { s in .widen(node: Self.id("conv1", s), to: 12) }, { s in .deepen(after: Self.id("relu1", s)) },
            { s in .widen(node: Self.id("m8.conv", s), to: 20) }, { s in .widen(node: Self.id("conv2", s), to: 24) },
            { s in .branch(at: Self.id("relu2", s)) }, { s in .deepen(after: Self.id("relu2", s)) },
        ]
        for make in chain {
            let m = make(current.spec)
            current = try m.apply(to: current, rng: &rng, noise: 0.1, calibration: Self.batch())
            counts.append(current.parameterCount)
            Self.expectSame(before, try Self.outputs(current), "after \(m)")
        }
        #expect(zip(counts, counts.dropFirst()).allSatisfy { $0 < $1 }, "\(counts)")
    }

    static func id(_ name: String, _ spec: NetworkSpec) -> Int { spec.nodes.first { $0.name == name }!.id }

    @Test func aMorphedNetworkStillTrains() throws {
        let model = try Self.trained()
        var rng = SeededRandom(seed: 3)
        var grown = try Morphism.widen(node: 0, to: 16).apply(to: model, rng: &rng, noise: 0.1)
        grown = try Morphism.deepen(after: 5).apply(to: grown, rng: &rng, calibration: Self.batch())
        grown = try Morphism.branch(at: 2).apply(to: grown, rng: &rng)
        let report = try Trainer(config: TrainingConfig(epochs: 3, batchSize: 64, learningRate: 0.05, threads: 1))
            .train(grown, on: Self.digits, seed: 2)
        #expect(report.trainLoss.allSatisfy { $0.isFinite })
        #expect(report.trainLoss.last! < report.trainLoss.first!, "\(report.trainLoss)")
        #expect(report.validAccuracy > 0.8, "\(report.validAccuracy)")
    }

    @Test func morphismsThatDoNotApplyAreErrors() throws {
        let model = try Model(spec: Self.network(), seed: 1)
        for m: Morphism in [.widen(node: 7, to: 20), .widen(node: 0, to: 8), .widen(node: 1, to: 20), .deepen(after: 1),
                            .branch(at: 6), .widen(node: 99, to: 3), .deepen(after: 99), .branch(at: -1)] {
            #expect(throws: (any Error).self, "\(m)") { try Self.morph(model, m) }
        }
        let candidates = Morphism.candidates(in: model.spec)
        #expect(Set(candidates) == [.widen(node: 0, to: 16), .widen(node: 3, to: 32), .deepen(after: 2), .deepen(after: 5),
                                    .branch(at: 2), .branch(at: 5)])
    }

    static let searchSettings = MorphismSearch.Settings(steps: 2, neighbours: 2, morphisms: 2, epochs: 1,
                                                        training: TrainingConfig(batchSize: 64, threads: 1), seed: 4)

    @Test func hillClimbingGrowsTheNetworkReproducibly() throws {
        let search = MorphismSearch(dataset: Self.digits, settings: Self.searchSettings)
        var seen = 0
        let steps = try search.run { _ in seen += 1 }
        #expect(steps.map(\.step) == [0, 1, 2] && seen == 3)
        #expect(steps[0].morphisms.isEmpty && steps.dropFirst().allSatisfy { !$0.morphisms.isEmpty && (1...2).contains($0.child) })
        #expect(zip(steps, steps.dropFirst()).allSatisfy { $0.parameters < $1.parameters || $0.depth < $1.depth })
        #expect(steps.allSatisfy { $0.validAccuracy > 0.5 && $0.testAccuracy > 0.5 && $0.seconds > 0 })
        let again = try search.run()
        #expect(again.map(\.validAccuracy) == steps.map(\.validAccuracy) && again.map(\.morphisms) == steps.map(\.morphisms))
        let table = MorphismStep.table(steps)
        #expect(table.columns == ["step", "child", "morphisms", "params", "depth", "accuracy", "test_accuracy", "time"])
        #expect(table.count == 3)
    }

    @Test func cancellationStopsTheSearch() throws {
        let token = CancellationToken()
        token.cancel()
        #expect(throws: CancellationError.self) {
            try MorphismSearch(dataset: Self.digits, settings: Self.searchSettings).run(cancel: token)
        }
    }
}
