import Foundation

/// Adam (Kingma & Ba 2015) with bias correction and optional L2 weight decay added to the gradient.
public struct Adam: Optimizer {
    /// Decay rates of the first and second moment estimates.
    public var beta1: Float, beta2: Float
    /// The term added to the denominator for stability.
    public var epsilon: Float
    /// L2 weight decay.
    public var weightDecay: Float
    private var moments: [ObjectIdentifier: (m: TensorStorage, v: TensorStorage)] = [:]
    private var steps = 0

    /// Creates the optimiser.
    public init(beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, weightDecay: Double = 0) {
        self.beta1 = Float(beta1)
        self.beta2 = Float(beta2)
        self.epsilon = Float(epsilon)
        self.weightDecay = Float(weightDecay)
    }

    /// Applies one Adam update to every parameter that has a gradient.
    public mutating func step(_ parameters: [Tensor], lr: Double) {
        steps += 1
        let c1 = 1 - Foundation.pow(Double(beta1), Double(steps)), c2 = 1 - Foundation.pow(Double(beta2), Double(steps))
        let stepSize = Float(lr * c2.squareRoot() / c1), eps = epsilon * Float(c2.squareRoot())
        for p in parameters {
            guard let grad = p.grad else { continue }
            let (m, v) = buffers(for: p)
            let w = p.data, g = grad.pointer
            for i in 0..<p.count {
                let d = g[i] + weightDecay * w[i]
                m.pointer[i] = beta1 * m.pointer[i] + (1 - beta1) * d
                v.pointer[i] = beta2 * v.pointer[i] + (1 - beta2) * d * d
                w[i] -= stepSize * m.pointer[i] / (v.pointer[i].squareRoot() + eps)
            }
        }
    }

    private mutating func buffers(for p: Tensor) -> (TensorStorage, TensorStorage) {
        let key = ObjectIdentifier(p)
        if let b = moments[key] { return b }
        let b = (TensorStorage(zeros: p.count), TensorStorage(zeros: p.count))
        moments[key] = b
        return b
    }
}

extension Adam {
    /// The step count and both moments of `parameters`, in order, for checkpoints.
    public func state(of parameters: [Tensor]) -> [Float] {
        [Float(steps)] + parameters.flatMap { p in
            let b = moments[ObjectIdentifier(p)]
            return (b?.m.array ?? Array(repeating: 0, count: p.count)) + (b?.v.array ?? Array(repeating: 0, count: p.count))
        }
    }

    /// Restores a state written by `state(of:)` for the same parameters.
    public mutating func restore(_ state: [Float], of parameters: [Tensor]) {
        steps = Int(state[0])
        var offset = 1
        for p in parameters {
            let m = TensorStorage(Array(state[offset..<offset + p.count]))
            let v = TensorStorage(Array(state[offset + p.count..<offset + 2 * p.count]))
            moments[ObjectIdentifier(p)] = (m, v)
            offset += 2 * p.count
        }
    }
}
