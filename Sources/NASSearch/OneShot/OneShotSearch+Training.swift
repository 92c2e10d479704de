import Foundation
import NASCore
import NASSpaces
import NASTensor
import NASTraining

extension OneShotSearch {
    /// Trains one epoch: every batch of the weights' half, each paired with a batch of the architecture's half.
    func trainEpoch() throws {
        _ = ComputeThreads.apply(recipe.threads)
        defer { TensorStorage.releaseIdleBuffers() }
        beginEpoch()
        var rng = epochRandom()
        var shuffle: SeededRandom? = rng.fork()
        var augment: SeededRandom? = rng.fork()
        var noAugment: SeededRandom? = nil
        let loader = BatchLoader(cropPadding: recipe.cropPadding, flip: recipe.flip)
        let size = min(recipe.batchSize, weightPart.count, searchPart.count)
        let batches = loader.batches(count: weightPart.count, size: size, shuffle: &shuffle, dropLast: true)
        let searches = loader.batches(count: searchPart.count, size: size, shuffle: &shuffle, dropLast: true)
        var lossSum = 0.0
        for (b, indices) in batches.enumerated() {
            try cancel.check()
            let batch = loader.tensor(weightPart, shape: data.shape, indices: indices, augment: &augment)
            let search = loader.tensor(searchPart, shape: data.shape, indices: searches[b % searches.count], augment: &noAugment)
            let lr = recipe.schedule.rate(base: recipe.learningRate, step: (epoch) * batches.count + b,
                                          totalSteps: batches.count * epochs)
            let loss = try step(batch, search: search, lr: lr, rng: &rng)
            guard loss.isFinite else {
                throw StrategyError("\(name): the training loss became \(loss) at epoch \(epoch + 1), batch \(b + 1); "
                    + "lower the learning rate")
            }
            lossSum += loss
        }
        lastTrainLoss = lossSum / Double(max(batches.count, 1))
    }

    /// The generator of the current epoch's draws (seeded by the run's seed and the epoch).
    func epochRandom() -> SeededRandom {
        var base = SeededRandom(seed: seed)
        for _ in 0...epoch { _ = base.next() }
        return base.fork()
    }

    /// The cross-entropy of the supernet's output on a batch along `gates`, back-propagated; returns the loss.
    ///
    /// With `weightGradients: false` the supernet's weights take no gradient in this pass (only the
    /// gates' weights do): the backward pass then skips every convolution's weight gradient and
    /// keeps fewer values, for the passes whose weight gradients a method would throw away.
    func lossAndBackward(_ batch: (x: Tensor, labels: [Int]), gates: [PathGate], weightGradients: Bool = true,
                         rng: inout SeededRandom) throws -> Double {
        try cancel.check()
        let parameters = weightGradients ? [] : supernet.parameters.filter(\.requiresGrad)
        for p in parameters { p.requiresGrad = false }
        defer { for p in parameters { p.requiresGrad = true } }
        let loss = try supernet.forward(batch.x, gates: gates, training: true, rng: &rng).softmaxCrossEntropy(labels: batch.labels)
        let value = Double(loss.values[0])
        guard value.isFinite else { return value }
        try loss.backward()
        return value
    }

    /// One step of the weights' optimiser on the gradients present (clipped to `gradientClip`), then clears them.
    func stepWeights(lr: Double) {
        let parameters = supernet.parameters
        clipGradients(parameters)
        weightOptimizer.step(parameters, lr: lr)
        weightOptimizer.zeroGrad(parameters)
    }

    /// Scales every gradient so that their joint norm is at most `gradientClip`.
    private func clipGradients(_ parameters: [Tensor]) {
        guard gradientClip > 0 else { return }
        var total = 0.0
        for p in parameters {
            guard let g = p.grad?.pointer else { continue }
            for i in 0..<p.count { total += Double(g[i] * g[i]) }
        }
        let norm = total.squareRoot()
        guard norm > gradientClip else { return }
        let scale = Float(gradientClip / (norm + 1e-6))
        for p in parameters {
            guard let g = p.grad?.pointer else { continue }
            for i in 0..<p.count { g[i] *= scale }
        }
    }

    /// Training batches for batch-norm recalibration (the first ones of the weights' half, in order).
    func calibrationSet() -> [Tensor] {
        let loader = BatchLoader()
        var noShuffle: SeededRandom? = nil
        let batches = loader.batches(count: weightPart.count, size: min(recipe.batchSize, weightPart.count),
                                     shuffle: &noShuffle, dropLast: false)
        return batches.prefix(calibrationBatches).map { loader.tensor(weightPart, shape: data.shape, indices: $0, augment: &noShuffle).0 }
    }
}
