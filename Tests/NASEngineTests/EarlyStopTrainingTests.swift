import NASCore
import NASEngine
import NASSpaces
import NASTraining
import Testing

/// The training evaluator under a watcher: it stops exactly where asked, and what it records is
/// the training as it stood then.
@Suite("Early stopping of real training")
struct EarlyStopTrainingTests {
    static let data = try! BuiltinDatasets.load("digits", train: 300, valid: 100, test: 100, seed: 1)
    static let evaluator = TrainingEvaluator(dataset: data, config: TrainingConfig(epochs: 5, batchSize: 50, learningRate: 0.05, threads: 1))

    /// A small chain network of the digits' shape.
    static func architecture() throws -> (any SearchSpace, Architecture) {
        let space = try SpaceCatalogue.chain(depth: 2...2, operations: ["conv3x3"], widths: [8], strides: [2], skips: "none", merge: nil)
        var rng = SeededRandom(seed: 1)
        return (space, space.sample(using: &rng))
    }

    @Test("a trial stopped after two epochs keeps the first two points of the full training's curve")
    func stopsWhereAsked() throws {
        let (space, arch) = try Self.architecture()
        let full = try Self.evaluator.evaluate(arch, in: space, fidelity: .full, seed: 4, cancel: CancellationToken())
        var seen: [[Double]] = []
        let cut = try Self.evaluator.evaluate(arch, in: space, fidelity: .full, seed: 4, cancel: CancellationToken()) { curve in
            seen.append(curve)
            return curve.count == 2
        }
        #expect(full.status == .done && full.metrics["pruned"] == 0 && full.metrics["epochs_trained"] == 5)
        #expect(full.curve.count == 5)
        #expect(cut.status == .done && cut.metrics["pruned"] == 1 && cut.metrics["epochs_trained"] == 2)
        // Same seed, same steps: the stopped training is the full one cut after its second epoch.
        #expect(cut.curve == Array(full.curve.prefix(2)))
        #expect(cut.metrics["accuracy"] == full.curve[1])
        #expect(seen == [Array(full.curve.prefix(1)), Array(full.curve.prefix(2))])
        for key in ["test_accuracy", "loss", "params"] { #expect(cut.metrics[key]?.isFinite == true, "\(key)") }
        #expect(cut.metrics["params"] == full.metrics["params"])
    }

    @Test("the watcher is never asked after the last epoch, and a cancelled run stays cancelled")
    func lastEpochAndCancel() throws {
        let (space, arch) = try Self.architecture()
        var asked = 0
        let r = try Self.evaluator.evaluate(arch, in: space, fidelity: Fidelity(epochs: 3), seed: 4, cancel: CancellationToken()) { _ in
            asked += 1
            return false
        }
        #expect(asked == 2 && r.metrics["pruned"] == 0 && r.curve.count == 3)
        let token = CancellationToken()
        let cancelled = try Self.evaluator.evaluate(arch, in: space, fidelity: .full, seed: 4, cancel: token) { _ in
            token.cancel()
            return false
        }
        #expect(cancelled.status == .cancelled)
    }
}
