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
        for i in parameters.indices {
            let g = gradient[i]
            m[i] = beta1 * m[i] + (1 - beta1) * g
            v[i] = beta2 * v[i] + (1 - beta2) * g * g
            parameters[i] -= learningRate * (m[i] / c1) / ((v[i] / c2).squareRoot() + epsilon)
        }
    }
}
