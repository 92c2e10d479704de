import NASCore
import NASSpaces
import NASTensor
import Testing
@testable import NASTraining

/// The training loop and the training evaluator.
///
/// Every run uses one kernel thread: Swift Testing runs these tests concurrently, and OpenMP
/// teams of two threads per test on a two-core machine spin against each other (measured here:
/// 15–30× slower steps).
@Suite struct TrainerTests {
    static let digits = try! BuiltinDatasets.load("digits", seed: 1)

    @Test func mlpLearnsDigits() throws {
        // A small MLP reaches well above 90% on the UCI digits within a few epochs (sklearn's
        // MLPClassifier reaches ~97%); chance is 10%.
        let evaluator = TrainingEvaluator(dataset: Self.digits, config: TrainingConfig(
            epochs: 8, batchSize: 32, learningRate: 0.05, threads: 1))
        let r = try evaluator.evaluate(TestNetworks.mlp(input: Self.digits.shape, classes: 10), seed: 1)
        #expect(r.status == .done)
        #expect(r.metrics["accuracy"]! > 0.9, "\(r.metrics)")
        #expect(r.metrics["test_accuracy"]! > 0.9, "\(r.metrics)")
        #expect(r.curve.count == 8)
        #expect(r.metrics["params"] == Double(64 * 64 + 64 + 128 + 64 * 32 + 32 + 32 * 10 + 10))
        #expect(r.metrics["train_time"]! > 0)
        for key in ["loss", "train_loss"] { #expect(r.metrics[key]!.isFinite) }
    }

    @Test func sameSeedSameResult() throws {
        let evaluator = TrainingEvaluator(dataset: Self.digits, config: TrainingConfig(epochs: 1, batchSize: 64, threads: 1))
        let spec = TestNetworks.mlp(input: Self.digits.shape, classes: 10)
        let a = try evaluator.evaluate(spec, seed: 3), b = try evaluator.evaluate(spec, seed: 3)
        #expect(a.metrics["accuracy"] == b.metrics["accuracy"] && a.metrics["loss"] == b.metrics["loss"])
    }

    @Test func divergenceFailsTheTrialWithTheReason() throws {
        let evaluator = TrainingEvaluator(dataset: Self.digits, config: TrainingConfig(
            epochs: 2, batchSize: 32, learningRate: 1e12, optimizer: .sgd(momentum: 0.9, nesterov: false, weightDecay: 0),
            schedule: .constant, threads: 1))
        let r = try evaluator.evaluate(TestNetworks.mlp(input: Self.digits.shape, classes: 10), seed: 1)
        #expect(r.status == .failed)
        let message = r.error ?? ""
        #expect(message.hasPrefix("loss became") && message.contains("at epoch 1, batch"), "\(message)")
    }

    @Test func cancellationStopsTheTrial() throws {
        let token = CancellationToken()
        token.cancel()
        let evaluator = TrainingEvaluator(dataset: Self.digits, config: TrainingConfig(epochs: 3, threads: 1))
        let r = try evaluator.evaluate(TestNetworks.mlp(input: Self.digits.shape, classes: 10), seed: 1, cancel: token)
        #expect(r.status == .cancelled)
    }

    @Test func fidelityChoosesEpochsAndDataFraction() throws {
        let evaluator = TrainingEvaluator(dataset: Self.digits, config: TrainingConfig(epochs: 5, batchSize: 64, threads: 1))
        let r = try evaluator.evaluate(TestNetworks.mlp(input: Self.digits.shape, classes: 10),
                                       fidelity: Fidelity(epochs: 2, dataFraction: 0.5), seed: 1)
        #expect(r.curve.count == 2)
        #expect(evaluator.maxEpochs == 5)
    }

    @Test func evaluatesAnArchitectureOfASpace() throws {
        let evaluator = TrainingEvaluator(dataset: Self.digits, config: TrainingConfig(epochs: 1, batchSize: 64, threads: 1))
        let space = TwoNetworkSpace()
        let r = try evaluator.evaluate(Architecture(space: "two", tokens: [1]), in: space, fidelity: .full, seed: 1,
                                       cancel: CancellationToken())
        #expect(r.status == .done)
        #expect(r.metrics["params"] == Double(try Model(spec: space.network(Architecture(space: "two", tokens: [1]),
                                                                            input: Self.digits.shape, classes: 10),
                                                           seed: 1).parameterCount))
    }

    @Test func adamAndAugmentationTrainToo() throws {
        let evaluator = TrainingEvaluator(dataset: Self.digits, config: TrainingConfig(
            epochs: 4, batchSize: 32, learningRate: 0.01, optimizer: .adam(weightDecay: 0),
            schedule: .warmup(steps: 10, then: .cosine(minimum: 0)), cropPadding: 1, flip: false, threads: 1))
        let r = try evaluator.evaluate(TestNetworks.nb201Cell(channels: 8, input: Self.digits.shape), seed: 2)
        #expect(r.status == .done)
        // This tiny cell (8 channels, global pooling after two convolutions) learns digits slowly:
        // about 0.6 after 4 epochs without augmentation; chance is 0.1.
        #expect(r.metrics["accuracy"]! > 0.35, "\(r.metrics)")
    }
}

/// A two-member space (an MLP and the NB201-like cell) to drive `evaluate(_:in:...)`.
struct TwoNetworkSpace: SearchSpace {
    var name: String { "two" }
    var decisions: [Decision] { [Decision(name: "net", options: ["mlp", "cell"])] }
    var size: BigCount { BigCount(2) }
    func canonical(_ a: Architecture) -> String { decisions[0].options[a.tokens[0]] }
    func parse(_ text: String) throws -> Architecture {
        Architecture(space: name, tokens: [text == "cell" ? 1 : 0])
    }
    func network(_ a: Architecture, input: TensorShape, classes: Int) throws -> NetworkSpec {
        a.tokens[0] == 0 ? TestNetworks.mlp(input: input, classes: classes)
            : TestNetworks.nb201Cell(channels: 8, classes: classes, input: input)
    }
}
