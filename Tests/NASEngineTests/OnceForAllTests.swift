import Foundation
import NASCore
import NASSearch
import NASSpaces
import NASTensor
import NASTraining
import Testing

/// Once-for-all on the one loop: progressive shrinking's stages, exact resume from a checkpoint,
/// and specialisation under latency targets.
@Suite struct OnceForAllTests {
    static let data = try! BuiltinDatasets.load("digits", train: 192, valid: 64, test: 64, seed: 1)
    static let space = OFASpace(resolutions: [8, 12])

    static func strategy(epochs: Int = 4) throws -> OnceForAll {
        let recipe = TrainingEvaluator(dataset: data, config: TrainingConfig(epochs: epochs, batchSize: 64, learningRate: 0.05, threads: 1))
        return try OnceForAll(space: space, evaluator: recipe, seed: 3, width: 0.25, stemStride: 1, calibrationBatches: 2)
    }

    /// Asks, evaluates with the strategy's own evaluator and tells `epochs` times; returns the proposals' texts and accuracies.
    static func run(_ s: OnceForAll, epochs: Int) throws -> [String] {
        var seen: [String] = []
        for _ in 0..<epochs {
            let p = try #require(try s.ask(1).first)
            let r = try s.evaluator.evaluate(p.architecture, in: space, fidelity: p.fidelity, seed: 0, cancel: CancellationToken())
            try s.tell(p, result: r, score: r.metrics["accuracy"]!)
            seen.append("\(space.canonical(p.architecture)) \(r.metrics["accuracy"]!) \(r.metrics["train_loss"]!)")
        }
        return seen
    }

    @Test func theStagesFollowThePapersOrder() {
        #expect((0..<4).map { ShrinkingStage.of(epoch: $0, epochs: 4) } == [.full, .kernel, .depth, .width])
        #expect((0..<8).map { ShrinkingStage.of(epoch: $0, epochs: 8).rawValue } == [0, 0, 1, 1, 2, 2, 3, 3])
        #expect(ShrinkingStage.depth.epochs(of: 8) == 4..<6)
        var rng = SeededRandom(seed: 1)
        for _ in 0..<50 {
            let full = ShrinkingStage.full.sample(in: Self.space, late: true, rng: &rng)
            #expect((0..<5).allSatisfy { Self.space.unitLayers(full, unit: $0).map { "\($0.kernel)\($0.expansion)" } == Array(repeating: "76", count: 4) })
            let kernel = ShrinkingStage.kernel.sample(in: Self.space, late: true, rng: &rng)
            #expect((0..<5).allSatisfy { u in Self.space.unitLayers(kernel, unit: u).count == 4 && Self.space.unitLayers(kernel, unit: u).allSatisfy { $0.expansion == 6 } })
            let earlyDepth = ShrinkingStage.depth.sample(in: Self.space, late: false, rng: &rng)
            #expect((0..<5).allSatisfy { Self.space.unitLayers(earlyDepth, unit: $0).count >= 3 })
            let earlyWidth = ShrinkingStage.width.sample(in: Self.space, late: false, rng: &rng)
            #expect((0..<5).allSatisfy { Self.space.unitLayers(earlyWidth, unit: $0).allSatisfy { $0.expansion != 3 } })
        }
    }

    @Test func aRestoredRunContinuesExactly() throws {
        let whole = try Self.strategy()
        let first = try Self.run(whole, epochs: 2)
        let saved = try whole.checkpoint()
        let rest = try Self.run(whole, epochs: 2)
        #expect(whole.isFinished)

        let resumed = try Self.strategy()
        try resumed.restore(from: saved)
        #expect(resumed.epoch == 2)
        #expect(try resumed.checkpoint() == saved)
        #expect(try Self.run(resumed, epochs: 2) == rest)
        #expect(resumed.supernet.stateValues() == whole.supernet.stateValues())
        // The evaluator scores architectures of the space it was trained on only (a resolution token means a resolution there).
        let other = OFASpace(resolutions: [16, 20])
        var rng = SeededRandom(seed: 1)
        #expect(throws: StrategyError.self) {
            _ = try resumed.evaluator.evaluate(other.sample(using: &rng), in: other, fidelity: .full, seed: 0, cancel: CancellationToken())
        }
        #expect(first.count == 2)
        #expect(throws: StrategyError.self) { try Self.strategy().restore(from: saved.prefix(saved.count - 4)) }
    }

    @Test func specialisationMeetsEachLatencyTarget() throws {
        let s = try Self.strategy(epochs: 1)
        _ = try Self.run(s, epochs: 1)
        let supernet = s.supernet
        let latency = CostLatency(macsPerSecond: 1e9) { try supernet.subnetwork($0).cost.macs }
        var rng = SeededRandom(seed: 5)
        let costs = try (0..<200).map { _ in try latency.seconds(Self.space.sample(using: &rng)) }.sorted()
        let targets = [costs[20], costs[120]]  // a tight and a loose target, both met by some sub-networks
        let specialiser = SubnetSpecialiser(samples: 6, population: 8, generations: 3, seed: 2)
        let evaluator = s.elasticEvaluator
        let chosen = try specialiser.specialise(space: Self.space, targets: targets, latency: latency, cancel: CancellationToken()) { a, test in
            let r = try evaluator.scores(a, cancel: CancellationToken(), test: test)
            return (r.valid.accuracy, r.test.accuracy)
        }
        #expect(chosen.count == 2)
        for c in chosen {
            let macs = try Model(spec: try Self.space.network(c.architecture, input: Self.data.shape, classes: 10, scale: supernet.scale), seed: 1)
                .spec.cost.macs  // an independent decode of the chosen sub-network
            #expect(Double(macs) / 1e9 <= c.target, "\(Self.space.canonical(c.architecture))")
            #expect(c.latency == Double(macs) / 1e9)
            #expect((0...1).contains(c.accuracy) && (0...1).contains(c.testAccuracy))
        }
        #expect(throws: StrategyError.self) {
            _ = try specialiser.specialise(space: Self.space, targets: [costs[0] / 10], latency: latency, cancel: CancellationToken()) { _, _ in (0, 0) }
        }
    }
}
