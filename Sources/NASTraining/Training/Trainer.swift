import Foundation
import NASCore
import NASSpaces
import NASTensor

/// Trains a model on a data set with a recipe: the training loop of naslab.
public struct Trainer {
    /// The recipe.
    public var config: TrainingConfig

    /// Creates a trainer.
    public init(config: TrainingConfig) { self.config = config }

    /// Trains `model` on `data` and reports validation and test accuracy.
    ///
    /// Throws `TrainingFailure.diverged` when the loss stops being finite, and
    /// `CancellationError` when `cancel` is set (checked before every batch).
    public func train(_ model: Model, on data: Dataset, seed: UInt64, cancel: CancellationToken = CancellationToken(),
                      epochs: Int? = nil, onEpoch: ((Int, Double) -> Void)? = nil) throws -> TrainingReport {
        ComputeThreads.apply(config.threads)
        // Buffers pooled for the steps' reuse are not kept once the run is over.
        defer { TensorStorage.releaseIdleBuffers() }
        let epochCount = epochs ?? config.epochs
        var rng = SeededRandom(seed: seed)
        var shuffle: SeededRandom? = rng.fork()
        var augment: SeededRandom? = rng.fork()
        var dropout = rng.fork()
        var optimizer = config.optimizer.make()
        let loader = BatchLoader(cropPadding: config.cropPadding, flip: config.flip)
        let parameters = model.parameters
        var noShuffle: SeededRandom? = nil
        let stepsPerEpoch = loader.batches(count: data.train.count, size: config.batchSize, shuffle: &noShuffle,
                                           dropLast: true).count
        var report = TrainingReport(curve: [], trainLoss: [], validAccuracy: 0, validLoss: 0, testAccuracy: 0,
                                    trainSeconds: 0, parameters: model.parameterCount)
        var step = 0
        for epoch in 1...max(epochCount, 1) where epochCount > 0 {
            let start = Date()
            var lossSum = 0.0
            let batches = loader.batches(count: data.train.count, size: config.batchSize, shuffle: &shuffle,
                                         dropLast: true)
            for (b, indices) in batches.enumerated() {
                try cancel.check()
                let (x, labels) = loader.tensor(data.train, shape: data.shape, indices: indices, augment: &augment)
                let loss = try model.forward(x, training: true, rng: &dropout).softmaxCrossEntropy(labels: labels)
                let value = Double(loss.values[0])
                guard value.isFinite else { throw TrainingFailure.diverged(epoch: epoch, batch: b + 1, loss: value) }
                lossSum += value
                optimizer.zeroGrad(parameters)
                try loss.backward()
                let lr = config.schedule.rate(base: config.learningRate, step: step,
                                              totalSteps: stepsPerEpoch * epochCount)
                optimizer.step(parameters, lr: lr)
                step += 1
            }
            report.trainSeconds += Date().timeIntervalSince(start)
            report.trainLoss.append(lossSum / Double(max(batches.count, 1)))
            let (accuracy, loss) = try Trainer.evaluate(model, data.valid, shape: data, cancel: cancel)
            report.curve.append(accuracy)
            report.validAccuracy = accuracy
            report.validLoss = loss
            onEpoch?(epoch, accuracy)
        }
        report.testAccuracy = try Trainer.evaluate(model, data.test, shape: data, cancel: cancel).accuracy
        return report
    }

    /// Accuracy and mean loss of `model` (inference mode) on a labelled set.
    public static func evaluate(_ model: Model, _ part: LabeledData, shape data: Dataset,
                                cancel: CancellationToken = CancellationToken(),
                                batchSize: Int = 500) throws -> (accuracy: Double, loss: Double) {
        var rng = SeededRandom(seed: 0)
        return try evaluate(part, shape: data.shape, cancel: cancel, batchSize: batchSize) { x in
            try model.forward(x, training: false, rng: &rng)
        }
    }

    /// Accuracy and mean loss on a labelled set of the logits that `forward` computes for each batch.
    public static func evaluate(_ part: LabeledData, shape: TensorShape, cancel: CancellationToken, batchSize: Int = 500,
                                forward: (Tensor) throws -> Tensor) throws -> (accuracy: Double, loss: Double) {
        guard part.count > 0 else { return (0, 0) }
        var noRandom: SeededRandom? = nil
        let loader = BatchLoader()
        var correct = 0, lossSum = 0.0
        for indices in loader.batches(count: part.count, size: batchSize, shuffle: &noRandom, dropLast: false) {
            try cancel.check()
            let (x, labels) = loader.tensor(part, shape: shape, indices: indices, augment: &noRandom)
            let logits = try forward(x)
            lossSum += Double(logits.softmaxCrossEntropy(labels: labels).values[0]) * Double(labels.count)
            correct += zip(logits.argmaxRows(), labels).filter { $0 == $1 }.count
        }
        return (Double(correct) / Double(part.count), lossSum / Double(part.count))
    }
}
