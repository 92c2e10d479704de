import Foundation

/// Adam (Kingma & Ba 2015) over a flat parameter vector, minimising a loss.
public struct AdamOptimizer: Sendable, Hashable, Codable {
    /// The step size.
    public var learningRate: Double
    /// The decay of the first-moment estimate.
    public var beta1: Double
    /// The decay of the second-moment estimate.
    public var beta2: Double
    /// Added to the denominator for stability.
    public var epsilon: Double
    private var m: [Double]
    private var v: [Double]
    private var steps = 0

    /// Creates an optimiser for `count` parameters.
    public init(count: Int, learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.m = Array(repeating: 0, count: count)
        self.v = Array(repeating: 0, count: count)
    }

    /// One step against `gradient` (the gradient of the loss to minimise).
    public mutating func step(_ parameters: inout [Double], gradient: [Double]) {
        precondition(gradient.count == parameters.count && m.count == parameters.count, "Adam: size mismatch")
        steps += 1
        let c1 = 1 - pow(beta1, Double(steps))
        let c2 = 1 - pow(beta2, Double(steps))
        let (b1, b2, lr, eps) = (beta1, beta2, learningRate, epsilon)
        parameters.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeBufferPointer { g in
                m.withUnsafeMutableBufferPointer { m in
                    v.withUnsafeMutableBufferPointer { v in
                        for i in 0..<p.count {
                            m[i] = b1 * m[i] + (1 - b1) * g[i]
                            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
                            p[i] -= lr * (m[i] / c1) / ((v[i] / c2).squareRoot() + eps)
                        }
                    }
                }
            }
        }
    }
}
