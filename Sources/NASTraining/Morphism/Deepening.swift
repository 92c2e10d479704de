import NASCore
import NASSpaces
import NASTensor

/// Net2DeeperNet (Chen et al. 2016): inserts after a ReLU a 3×3 convolution, a batch norm and a
/// ReLU that together compute the identity in inference mode.
///
/// The convolution's kernel is the identity (a 1 at the centre tap of each channel's own
/// filter). The batch norm undoes its own normalisation: its running statistics are the
/// per-channel mean and variance of the ReLU's output on a calibration batch (0 and 1 without
/// one), its scale √(variance + ε) and its shift the mean, so inference passes values through;
/// training, which normalises with each batch's own statistics, starts near the identity as far
/// as its batches resemble the calibration batch.
/// The new ReLU reads values that a ReLU made non-negative, so it changes nothing.
struct Deepening {
    /// The ReLU after which the layers go.
    let node: Int

    /// The batch norm's ε: `Tensor.batchNorm`'s default, which `Model` uses.
    static let epsilon: Float = 1e-5

    /// Throws unless node `id` is a ReLU (so its output is non-negative and a ReLU after it is the identity).
    static func requireReLU(_ id: Int, in spec: NetworkSpec) throws {
        guard id >= 0, id < spec.nodes.count, spec.nodes[id].op == .relu else {
            throw ModelError("node \(id) is not a ReLU")
        }
    }

    /// The deepened model; `calibration`, a batch of inputs, sets the new batch norm's statistics.
    func apply(to model: Model, calibration: Tensor?) throws -> Model {
        let made = try SpecSurgery.insertingConvBN(after: node, in: model, then: .relu, named: "relu",
                                                   reading: [1])
        let channels = model.spec.nodes[node].outputShape.channels, added = made.added, tag = made.tag
        var layers = made.layers
        let (mean, variance) = try statistics(model, calibration, channels: channels)
        layers[added[0]] = .conv(weight: Deepening.identityKernel(channels, name: "\(tag).conv.weight"), bias: nil)
        layers[added[1]] = .batchNorm(
            scale: Tensor(shape: [channels], values: variance.map { ($0 + Deepening.epsilon).squareRoot() },
                          requiresGrad: true, name: "\(tag).bn.gamma"),
            shift: Tensor(shape: [channels], values: mean, requiresGrad: true, name: "\(tag).bn.beta"),
            runningMean: Tensor(shape: [channels], values: mean), runningVar: Tensor(shape: [channels], values: variance))
        return Model(spec: made.spec, layers: layers)
    }

    /// A `[c, c, 3, 3]` kernel that maps every channel to itself.
    static func identityKernel(_ c: Int, name: String) -> Tensor {
        var w = [Float](repeating: 0, count: c * c * 9)
        for ch in 0..<c { w[(ch * c + ch) * 9 + 4] = 1 }
        return Tensor(shape: [c, c, 3, 3], values: w, requiresGrad: true, name: name)
    }

    /// The per-channel mean and (biased) variance of the ReLU's output on the calibration batch
    /// in inference mode; 0 and 1 without one.
    private func statistics(_ model: Model, _ calibration: Tensor?, channels: Int) throws -> (mean: [Float], variance: [Float]) {
        guard let calibration else { return ([Float](repeating: 0, count: channels), [Float](repeating: 1, count: channels)) }
        var rng = SeededRandom(seed: 0)
        let values = try model.activations(try model.fitted(calibration), training: false, keepAll: true, rng: &rng)
        let out = values[node]!, x = out.values
        let plane = out.count / (out.batch * channels)
        var mean = [Float](repeating: 0, count: channels), variance = mean
        for ch in 0..<channels {
            var sum = 0.0, squares = 0.0
            for s in 0..<out.batch {
                for v in x[(s * channels + ch) * plane ..< (s * channels + ch + 1) * plane] {
                    sum += Double(v)
                    squares += Double(v) * Double(v)
                }
            }
            let n = Double(out.batch * plane), m = sum / n
            mean[ch] = Float(m)
            variance[ch] = Float(max(squares / n - m * m, 0))
        }
        return (mean, variance)
    }
}
