import Foundation
import NASCore
import NASTensor
import Testing
@testable import NASSearch
@testable import NASSpaces
@testable import NASTraining

/// One-shot methods on the segment space: they train and propose only inside the supernet's slice.
@Suite("One-shot methods on the segment space")
struct SegmentOneShotTests {
    /// A small skeleton whose supernet (16 ops on each of its few layers) trains in well under a second.
    static let tiny = SegmentSpace(skeleton: SegmentSkeleton(
        name: "tiny", stemChannels: 8, stemKernel: 3, stemStride: 1, stemPool: false,
        blocks: [SegmentSkeleton.block(8, stride: 1), SegmentSkeleton.block(16, stride: 2), SegmentSkeleton.block(24, stride: 2)],
        headChannels: 32))

    /// Random images of `shape` in 3 classes: `samples` to train on, 8 to validate and 8 to test.
    static func evaluator(shape: [Int], samples: Int, batch: Int, epochs: Int = 1) throws -> TrainingEvaluator {
        var rng = SeededRandom(seed: 4)
        let count = samples + 16
        let values = (0..<(count * shape.reduce(1, *))).map { _ in Float(rng.nextGaussian()) }
        let labels = (0..<count).map { _ in rng.nextInt(below: 3) }
        let pool = LabeledData(shape: shape, values: values, labels: labels)
        let data = try Dataset(name: "random", pool: pool, testSet: nil, classes: 3, train: samples, valid: 8, test: 8, seed: 1)
        return TrainingEvaluator(dataset: data, config: TrainingConfig(epochs: epochs, batchSize: batch, learningRate: 0.05))
    }

    /// Runs the method's epochs as the loop does and returns each epoch's proposal.
    static func run(_ search: OneShotSearch, space: any SearchSpace) throws -> [Architecture] {
        var proposals: [Architecture] = []
        while let proposal = try search.ask(1).first {
            let result = try search.evaluator.evaluate(proposal.architecture, in: space, fidelity: proposal.fidelity, seed: 1,
                                                       cancel: CancellationToken())
            #expect(result.status == .done)
            try search.tell(proposal, result: result, score: result.value(of: "accuracy") ?? 0)
            proposals.append(proposal.architecture)
        }
        return proposals
    }

    @Test("SPOS trains and proposes only architectures of the frame's slice of the whole space")
    func singlePathStaysInTheSlice() throws {
        let space = Self.tiny
        // The whole space's own sampling leaves the slice almost always (widths, depths, skips, activation).
        var rng = SeededRandom(seed: 1)
        #expect((0..<20).filter { _ in space.sliceViolation(space.sample(using: &rng)) == nil }.count < 2)
        let spos = try SinglePathOneShot(space: space, evaluator: try Self.evaluator(shape: [3, 8, 8], samples: 32, batch: 8, epochs: 4), seed: 2)
        let proposals = try Self.run(spos, space: space)
        #expect(proposals.count == 4)
        #expect(proposals.allSatisfy { space.sliceViolation($0) == nil })
        #expect(Set(proposals).count > 1)
    }

    @Test("ENAS's controller chooses only the rows, and its proposals are in the slice")
    func enasControlsTheRows() throws {
        let space = Self.tiny
        let enas = try ENAS(space: space, evaluator: try Self.evaluator(shape: [3, 8, 8], samples: 32, batch: 8, epochs: 2),
                            seed: 3, controllerSteps: 3)
        #expect(enas.controller.controller.optionCounts == [16, 16, 16])
        let proposals = try Self.run(enas, space: space)
        #expect(proposals.count == 2 && proposals.allSatisfy { space.sliceViolation($0) == nil })
        for _ in 0..<10 {
            #expect(space.sliceViolation(try space.architecture(fromControl: enas.controller.draw())) == nil)
        }
    }

    @Test("ProxylessNAS's cost table fits on architectures of the slice: a 5×5 conv's extra parameters per block")
    func costTableFitsInTheSlice() throws {
        let space = Self.tiny   // the whole space, framed by its first options: relu, one conv_k3 layer per block at 8, 16, 24
        let rows = space.supernetRows
        let costs = try OperationCosts.fit(space: space, rows: rows, metric: "params", samples: 150, seed: 1) { a in
            Double(NetworkCost(try space.network(a, input: TensorShape(channels: 3, height: 8, width: 8), classes: 3)).params)
        }
        // conv_k5 − conv_k3 on one layer from C_in to C_out channels: (25 − 9) · C_in · C_out weights.
        for (row, channels) in zip(costs.table, [(8.0, 8.0), (8, 16), (16, 24)]) {
            let expected = 16 * channels.0 * channels.1
            #expect(abs((row[1] - row[0]) - expected) < 1e-3 * expected, "\(row)")
        }
        #expect(costs.fitError < 1e-6)
    }

    /// Runs one epoch of `method` at 3×32×32 and returns the architecture it derives.
    static func derived(_ method: String, on space: SegmentSpace) throws -> Architecture {
        let evaluator = try Self.evaluator(shape: [3, 32, 32], samples: 8, batch: 4)
        let search = try #require(try StrategyRegistry.make(method, settings: [:], space: space, seed: 1, evaluator: evaluator) as? OneShotSearch)
        #expect(search.supernet.rows.count == space.skeleton.blocks.count)
        let proposals = try Self.run(search, space: space)
        #expect(proposals.count == 1)
        #expect(search.lastTrainLoss.isFinite && search.lastTrainLoss > 0)
        return try #require(proposals.first)
    }

    /// The whole MnasNet supernet holds 34M parameters, whose initialisation dominates (seconds in a
    /// debug build): GDAS, one path per layer, trains it; DARTS, every path, trains a small skeleton's.
    @Test("GDAS on segment() at 3×32×32 completes and derives an architecture of MnasNet-A1's slice")
    func gdasOnTheMnasNetSkeleton() throws {
        let space = SegmentSpace()
        let a = try Self.derived("gdas", on: space)
        #expect(space.sliceViolation(a) == nil)
        #expect(space.canonical(a).hasPrefix("relu | ") && space.canonical(a).hasSuffix("_c320_x1"))
    }

    @Test("DARTS on a small segment skeleton at 3×32×32 completes and derives an architecture of the frame's slice")
    func dartsOnASmallSkeleton() throws {
        let space = try Self.tiny.sliced(frame: try Self.tiny.parse("hswish | mbconv_k3_e6_c8_x2 | conv_k5_c16_x1_noskip | basic_k3_c24_x2"))
        let a = try Self.derived("darts", on: space)
        #expect(space.sliceViolation(a) == nil)
        #expect(space.canonical(a).hasPrefix("hswish | ") && space.canonical(a).hasSuffix("_c24_x2"))
    }
}
