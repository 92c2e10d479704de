import NASTensor

/// Batch norm over the leading channels of a wider layer: every width of an elastic layer shares one set of affine
/// parameters and running statistics.
///
/// A sub-layer with `c` channels normalises with the first `c` scales and shifts (gradients flow
/// back into them) and, in training, updates the first `c` running statistics.
final class ElasticBatchNorm {
    /// γ, β and the running mean and variance of the widest layer.
    let scale: Tensor, shift: Tensor, runningMean: Tensor, runningVar: Tensor

    /// Batch norm for up to `channels` channels (γ = 1, β = 0, mean 0, variance 1), its tensors named after `name`.
    init(channels: Int, name: String) {
        scale = Tensor.constant([channels], 1, name: "\(name).gamma")
        shift = Tensor.constant([channels], 0, name: "\(name).beta")
        runningMean = Tensor.constant([channels], 0, requiresGrad: false, name: "\(name).running_mean")
        runningVar = Tensor.constant([channels], 1, requiresGrad: false, name: "\(name).running_var")
    }

    /// The trainable tensors.
    var trainable: [Tensor] { [scale, shift] }
    /// The running statistics.
    var statistics: [Tensor] { [runningMean, runningVar] }

    /// Normalises `x`, whose channels are the first `x.channels` of the layer.
    func callAsFunction(_ x: Tensor, training: Bool, momentum: Float) throws -> Tensor {
        let c = x.channels
        guard c < scale.count else {
            return try x.batchNorm(scale: scale, shift: shift, runningMean: runningMean, runningVar: runningVar,
                                   training: training, momentum: momentum)
        }
        let mean = Tensor(shape: [c], values: Array(runningMean.values.prefix(c)))
        let variance = Tensor(shape: [c], values: Array(runningVar.values.prefix(c)))
        let out = try x.batchNorm(scale: scale.leading(c), shift: shift.leading(c), runningMean: mean, runningVar: variance,
                                  training: training, momentum: momentum)
        if training {
            runningMean.data.update(from: mean.data, count: c)
            runningVar.data.update(from: variance.data, count: c)
        }
        return out
    }

    /// Running mean 0 and variance 1 (before recalibration).
    func resetStatistics() {
        runningMean.data.update(repeating: 0, count: runningMean.count)
        runningVar.data.update(repeating: 1, count: runningVar.count)
    }

    /// Reorders the channels: channel `i` becomes the old channel `order[i]`.
    func permute(_ order: [Int]) {
        for t in [scale, shift, runningMean, runningVar] { ElasticPermutation.permute(t, axis: 0, order) }
    }

    /// The first `c` channels' tensors under the names of a stand-alone network's batch norm.
    func active(_ c: Int) -> [String: Tensor] {
        Dictionary(uniqueKeysWithValues: [scale, shift, runningMean, runningVar].map { ($0.name, $0.leading(c)) })
    }
}
