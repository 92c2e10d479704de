import Foundation
import NASCore
import NASSpaces

/// Evaluates an architecture by building its network and training it on real data.
///
/// Results: `accuracy` (validation), `test_accuracy`, `loss` (final validation loss),
/// `train_loss`, `params`, `train_time` (seconds of training steps), and the per-epoch
/// validation curve. A loss that becomes NaN or infinite fails the trial with the reason;
/// cancellation is checked before every batch and returns a cancelled trial.
public struct TrainingEvaluator: Evaluator {
    /// The data to train and evaluate on.
    public let dataset: Dataset
    /// The recipe (its `epochs` is the full fidelity).
    public let config: TrainingConfig

    /// Creates the evaluator.
    public init(dataset: Dataset, config: TrainingConfig) {
        self.dataset = dataset
        self.config = config
    }

    /// The data set, its splits and the recipe; part of the result cache key.
    public var descriptor: String {
        "train(\(dataset.name) \(dataset.train.count)/\(dataset.valid.count)/\(dataset.test.count) seed=\(dataset.seed), \(config))"
    }

    /// Every space: any architecture that decodes to a network can be trained.
    public var supportedSpaces: Set<String> { [] }

    /// The recipe's epochs.
    public var maxEpochs: Int? { config.epochs }

    /// Builds the architecture's network for the data set's shape and classes, then trains it.
    public func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity,
                         seed: UInt64, cancel: CancellationToken) throws -> TrialResult {
        let spec = try space.network(architecture, input: dataset.shape, classes: dataset.classes)
        return try evaluate(spec, fidelity: fidelity, seed: seed, cancel: cancel)
    }

    /// Trains and evaluates one concrete network.
    public func evaluate(_ spec: NetworkSpec, fidelity: Fidelity = .full, seed: UInt64,
                         cancel: CancellationToken = CancellationToken()) throws -> TrialResult {
        let started = Date()
        let model = try Model(spec: spec, seed: seed)
        let data = dataset.withTrainingFraction(fidelity.dataFraction)
        let trainer = Trainer(config: config)
        do {
            let r = try trainer.train(model, on: data, seed: seed, cancel: cancel, epochs: fidelity.epochs ?? config.epochs)
            let metrics: [String: Double] = [
                "accuracy": r.validAccuracy, "test_accuracy": r.testAccuracy, "loss": r.validLoss,
                "train_loss": r.trainLoss.last ?? .nan, "params": Double(r.parameters), "train_time": r.trainSeconds,
            ]
            return TrialResult(status: .done, metrics: metrics, curve: r.curve,
                               wallSeconds: Date().timeIntervalSince(started))
        } catch let failure as TrainingFailure {
            return .failed(failure.description, wallSeconds: Date().timeIntervalSince(started))
        } catch is CancellationError {
            return TrialResult(status: .cancelled, metrics: [:], wallSeconds: Date().timeIntervalSince(started),
                               error: "cancelled")
        }
    }
}
