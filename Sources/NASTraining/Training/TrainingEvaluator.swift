import Foundation
import NASCore
import NASSpaces

/// Evaluates an architecture by building its network and training it on real data.
///
/// Results: `accuracy` (validation), `test_accuracy`, `loss` (final validation loss),
/// `train_loss`, `params`, `train_time` (seconds of training steps), and the per-epoch
/// validation curve, with `epochs_trained` and `pruned` (1 when a watcher stopped it early, see
/// `EpochObservingEvaluator`). A loss that becomes NaN or infinite fails the trial with the reason;
/// cancellation is checked before every batch and returns a cancelled trial.
public struct TrainingEvaluator: EpochObservingEvaluator {
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

    /// Builds the architecture's network for the data set's shape and classes, then trains it; a network
    /// that cannot be built for this data is a failed trial that says why (the search goes on).
    public func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity,
                         seed: UInt64, cancel: CancellationToken) throws -> TrialResult {
        try evaluate(architecture, in: space, fidelity: fidelity, seed: seed, cancel: cancel, stopAfter: nil)
    }

    /// Trains with a watcher on the validation curve that may stop the trial after any epoch.
    public func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity, seed: UInt64,
                         cancel: CancellationToken, stopAfter: @escaping ([Double]) -> Bool) throws -> TrialResult {
        try evaluate(architecture, in: space, fidelity: fidelity, seed: seed, cancel: cancel, stopAfter: Optional(stopAfter))
    }

    /// Builds the network (a failed trial when it cannot be built) and trains it.
    private func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity, seed: UInt64,
                          cancel: CancellationToken, stopAfter: (([Double]) -> Bool)?) throws -> TrialResult {
        let spec: NetworkSpec
        do {
            spec = try space.network(architecture, input: dataset.shape, classes: dataset.classes)
        } catch {
            return .failed("the network cannot be built for inputs \(dataset.shape) with \(dataset.classes) classes: \(error)")
        }
        return try evaluate(spec, fidelity: fidelity, seed: seed, cancel: cancel, stopAfter: stopAfter)
    }

    /// Trains and evaluates one concrete network; `stopAfter`, when given, sees the validation
    /// curve after every epoch but the last and stops training when it answers true.
    public func evaluate(_ spec: NetworkSpec, fidelity: Fidelity = .full, seed: UInt64,
                         cancel: CancellationToken = CancellationToken(),
                         stopAfter: (([Double]) -> Bool)? = nil) throws -> TrialResult {
        let started = Date()
        let model: Model
        do {
            model = try Model(spec: spec, seed: seed)
        } catch {
            return .failed("the network cannot be built: \(error)", wallSeconds: Date().timeIntervalSince(started))
        }
        let data = dataset.withTrainingFraction(fidelity.dataFraction)
        let epochs = fidelity.epochs ?? config.epochs
        let stopping = CancellationToken(linkedTo: cancel)
        var curve: [Double] = []
        do {
            let r = try Trainer(config: config).train(model, on: data, seed: seed, cancel: stopping, epochs: epochs) { _, accuracy in
                curve.append(accuracy)
                if curve.count < epochs, stopAfter?(curve) == true { stopping.cancel() }
            }
            let metrics: [String: Double] = [
                "accuracy": r.validAccuracy, "test_accuracy": r.testAccuracy, "loss": r.validLoss,
                "train_loss": r.trainLoss.last ?? .nan, "params": Double(r.parameters), "train_time": r.trainSeconds,
                "epochs_trained": Double(r.curve.count), "pruned": 0,
            ]
            return TrialResult(status: .done, metrics: metrics, curve: r.curve,
                               wallSeconds: Date().timeIntervalSince(started))
        } catch let failure as TrainingFailure {
            return .failed(failure.description, wallSeconds: Date().timeIntervalSince(started))
        } catch is CancellationError where stopping.isCancelled && !cancel.isCancelled {
            return try stoppedEarly(model, data: data, curve: curve, started: started, cancel: cancel)
        } catch is CancellationError {
            return TrialResult(status: .cancelled, metrics: [:], wallSeconds: Date().timeIntervalSince(started),
                               error: "cancelled")
        }
    }

    /// The result of a trial stopped after `curve.count` epochs: the model as it stands then
    /// (training stops before the next epoch's first step), scored on validation and test data.
    private func stoppedEarly(_ model: Model, data: Dataset, curve: [Double], started: Date,
                              cancel: CancellationToken) throws -> TrialResult {
        do {
            let valid = try Trainer.evaluate(model, data.valid, shape: data, cancel: cancel)
            let test = try Trainer.evaluate(model, data.test, shape: data, cancel: cancel)
            let wall = Date().timeIntervalSince(started)
            let metrics: [String: Double] = [
                "accuracy": curve.last ?? valid.accuracy, "test_accuracy": test.accuracy, "loss": valid.loss,
                "params": Double(model.parameterCount), "train_time": wall,
                "epochs_trained": Double(curve.count), "pruned": 1,
            ]
            return TrialResult(status: .done, metrics: metrics, curve: curve, wallSeconds: wall)
        } catch is CancellationError {
            return TrialResult(status: .cancelled, metrics: [:], wallSeconds: Date().timeIntervalSince(started),
                               error: "cancelled")
        }
    }
}
