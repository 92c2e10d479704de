import Foundation
import NASCore
import NASSpaces
import NASTensor
import NASTraining

extension OnceForAll {
    /// Trains one epoch: every batch of the training set, each on a sub-network drawn from the epoch's stage.
    func trainEpoch() throws {
        _ = ComputeThreads.apply(recipe.threads)
        defer { TensorStorage.releaseIdleBuffers() }
        let stage = ShrinkingStage.of(epoch: epoch, epochs: epochs)
        let span = stage.epochs(of: epochs)
        if epoch == span.lowerBound { begin(stage) }
        var rng = epochRandom()
        var shuffle: SeededRandom? = rng.fork()
        var augment: SeededRandom? = rng.fork()
        let loader = BatchLoader(cropPadding: recipe.cropPadding, flip: recipe.flip)
        let batches = loader.batches(count: data.train.count, size: min(recipe.batchSize, data.train.count), shuffle: &shuffle,
                                     dropLast: true)
        var lossSum = 0.0
        for (b, indices) in batches.enumerated() {
            try cancel.check()
            let (x, labels) = loader.tensor(data.train, shape: data.shape, indices: indices, augment: &augment)
            let done = Double((epoch - span.lowerBound) * batches.count + b) / Double(span.count * batches.count)
            let architecture = stage.sample(in: space, late: done >= 0.5, rng: &rng)
            let lr = recipe.schedule.rate(base: recipe.learningRate, step: epoch * batches.count + b,
                                          totalSteps: batches.count * epochs)
            lossSum += try step(x, labels: labels, architecture: architecture, lr: lr)
        }
        lastTrainLoss = lossSum / Double(max(batches.count, 1))
    }

    /// The start of a stage: a fresh optimiser, and for elastic width the channels sorted by importance.
    func begin(_ stage: ShrinkingStage) {
        optimizer = recipe.optimizer.make()
        if stage == .width { supernet.sortChannelsByImportance() }
    }

    /// One step of the weights on the cross-entropy of `architecture`'s sub-network; returns the loss.
    private func step(_ x: Tensor, labels: [Int], architecture: Architecture, lr: Double) throws -> Double {
        let loss = try supernet.forward(x, architecture: architecture, training: true).softmaxCrossEntropy(labels: labels)
        let value = Double(loss.values[0])
        guard value.isFinite else {
            throw StrategyError("\(name): the training loss became \(value) at epoch \(epoch + 1); lower the learning rate")
        }
        try loss.backward()
        let parameters = supernet.parameters
        optimizer.step(parameters, lr: lr)
        optimizer.zeroGrad(parameters)
        return value
    }

    /// The generator of the current epoch's draws (seeded by the run's seed and the epoch).
    func epochRandom() -> SeededRandom {
        var base = SeededRandom(seed: seed)
        for _ in 0...epoch { _ = base.next() }
        return base.fork()
    }

    /// Training batches for batch-norm recalibration (the first ones of the training set, in order).
    func calibrationSet() -> [Tensor] {
        let loader = BatchLoader()
        var noShuffle: SeededRandom? = nil
        let batches = loader.batches(count: data.train.count, size: min(recipe.batchSize, data.train.count),
                                     shuffle: &noShuffle, dropLast: false)
        return batches.prefix(calibrationBatches).map { loader.tensor(data.train, shape: data.shape, indices: $0, augment: &noShuffle).0 }
    }
}
