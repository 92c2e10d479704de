import Foundation
import NASCore

/// A small fully connected regression network (ReLU hidden layers, linear output) trained with Adam on squared error.
///
/// BANANAS's ensemble members. Targets are standardised internally, so scores of any scale
/// train alike. Weights use He initialisation from the seed.
public struct MLPRegressor: Sendable, Hashable, Codable {
    /// Layer widths from input to output (the last is 1).
    public let widths: [Int]
    /// Every weight and bias, layer by layer (weights row-major, then biases).
    public var parameters: [Double]
    private var targetMean = 0.0
    private var targetScale = 1.0

    /// Creates a network for `inputs` features with the given hidden widths.
    public init(inputs: Int, hidden: [Int] = [32, 32], seed: UInt64) {
        widths = [inputs] + hidden + [1]
        var rng = SeededRandom(seed: seed)
        var p: [Double] = []
        for l in 0..<(widths.count - 1) {
            let scale = (2.0 / Double(widths[l])).squareRoot()
            p += (0..<(widths[l] * widths[l + 1])).map { _ in rng.nextGaussian() * scale }
            p += Array(repeating: 0, count: widths[l + 1])
        }
        parameters = p
    }

    /// The offsets of layer `l`'s weights and biases.
    private func offsets(_ l: Int) -> (weights: Int, bias: Int) {
        var o = 0
        for k in 0..<l { o += widths[k] * widths[k + 1] + widths[k + 1] }
        return (o, o + widths[l] * widths[l + 1])
    }

    /// Activations of every layer for one input (the last holds the standardised output).
    private func forward(_ x: [Double]) -> [[Double]] {
        var acts = [x]
        parameters.withUnsafeBufferPointer { p in
            for l in 0..<(widths.count - 1) {
                let (w, b) = offsets(l)
                let n = widths[l], m = widths[l + 1], hiddenLayer = l < widths.count - 2
                var out = Array(p[b..<(b + m)])
                acts[l].withUnsafeBufferPointer { input in
                    out.withUnsafeMutableBufferPointer { out in
                        for j in 0..<m {
                            var s = 0.0
                            let row = w + j * n
                            for i in 0..<n { s += p[row + i] * input[i] }
                            out[j] += s
                            if hiddenLayer { out[j] = max(0, out[j]) }
                        }
                    }
                }
                acts.append(out)
            }
        }
        return acts
    }

    /// The prediction for one input, in the targets' units.
    public func predict(_ x: [Double]) -> Double {
        forward(x).last![0] * targetScale + targetMean
    }

    /// Trains on `(xs, ys)` for `epochs` passes of minibatches.
    public mutating func fit(_ xs: [[Double]], _ ys: [Double], epochs: Int = 200, batchSize: Int = 32,
                             learningRate: Double = 0.01, seed: UInt64) {
        guard !xs.isEmpty else { return }
        targetMean = ys.reduce(0, +) / Double(ys.count)
        let variance = ys.reduce(0) { $0 + ($1 - targetMean) * ($1 - targetMean) } / Double(ys.count)
        targetScale = max(variance.squareRoot(), 1e-8)
        let standardised = ys.map { ($0 - targetMean) / targetScale }
        var adam = AdamOptimizer(count: parameters.count, learningRate: learningRate)
        var rng = SeededRandom(seed: seed)
        var order = Array(xs.indices)
        for _ in 0..<epochs {
            rng.shuffle(&order)
            for start in stride(from: 0, to: order.count, by: batchSize) {
                let batch = order[start..<min(start + batchSize, order.count)]
                var grad = [Double](repeating: 0, count: parameters.count)
                for i in batch { accumulateGradient(xs[i], standardised[i], into: &grad, scale: 1 / Double(batch.count)) }
                adam.step(&parameters, gradient: grad)
            }
        }
    }

    /// Adds the gradient of `½(f(x) - y)²` times `scale` to `grad`.
    private func accumulateGradient(_ x: [Double], _ y: Double, into grad: inout [Double], scale: Double) {
        let acts = forward(x)
        var delta = [(acts.last![0] - y) * scale]
        for l in stride(from: widths.count - 2, through: 0, by: -1) {
            let (w, b) = offsets(l)
            let input = acts[l], n = widths[l]
            var deltaIn = [Double](repeating: 0, count: n)
            parameters.withUnsafeBufferPointer { p in
                grad.withUnsafeMutableBufferPointer { g in
                    input.withUnsafeBufferPointer { x in
                        deltaIn.withUnsafeMutableBufferPointer { dx in
                            for j in 0..<widths[l + 1] where delta[j] != 0 {
                                let d = delta[j], row = w + j * n
                                g[b + j] += d
                                for i in 0..<n {
                                    g[row + i] += d * x[i]
                                    dx[i] += d * p[row + i]
                                }
                            }
                        }
                    }
                }
            }
            if l > 0 { for i in 0..<n where input[i] <= 0 { deltaIn[i] = 0 } }
            delta = deltaIn
        }
    }
}
