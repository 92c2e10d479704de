/// Stochastic gradient descent with momentum, optional Nesterov momentum and L2 weight decay,
/// in PyTorch's formulation: `g ← g + λw; v ← μv + g; w ← w − lr·(nesterov ? g + μv : v)`.
public struct SGD: Optimizer {
    /// Momentum `μ` (0: plain SGD).
    public var momentum: Float
    /// Whether to use Nesterov momentum.
    public var nesterov: Bool
    /// L2 weight decay `λ`.
    public var weightDecay: Float
    private var velocity: [ObjectIdentifier: TensorStorage] = [:]

    /// Creates the optimiser.
    public init(momentum: Double = 0.9, nesterov: Bool = false, weightDecay: Double = 0) {
        self.momentum = Float(momentum)
        self.nesterov = nesterov
        self.weightDecay = Float(weightDecay)
    }

    /// Applies one SGD update to every parameter that has a gradient.
    public mutating func step(_ parameters: [Tensor], lr: Double) {
        let rate = Float(lr)
        for p in parameters {
            guard let grad = p.grad else { continue }
            let w = p.data, g = grad.pointer, n = p.count
            let v = velocityBuffer(for: p)
            for i in 0..<n {
                let d = g[i] + weightDecay * w[i]
                guard let v else { w[i] -= rate * d; continue }
                v[i] = momentum * v[i] + d
                w[i] -= rate * (nesterov ? d + momentum * v[i] : v[i])
            }
        }
    }

    private mutating func velocityBuffer(for p: Tensor) -> UnsafeMutablePointer<Float>? {
        guard momentum != 0 else { return nil }
        let key = ObjectIdentifier(p)
        if let v = velocity[key] { return v.pointer }
        let v = TensorStorage(zeros: p.count)
        velocity[key] = v
        return v.pointer
    }
}

extension SGD {
    /// The momentum buffers of `parameters`, in order (zeros where none exists yet), for checkpoints.
    public func state(of parameters: [Tensor]) -> [Float] {
        parameters.flatMap { p in velocity[ObjectIdentifier(p)]?.array ?? Array(repeating: 0, count: p.count) }
    }

    /// Restores momentum buffers written by `state(of:)` for the same parameters.
    public mutating func restore(_ state: [Float], of parameters: [Tensor]) {
        var offset = 0
        for p in parameters {
            velocity[ObjectIdentifier(p)] = TensorStorage(Array(state[offset..<offset + p.count]))
            offset += p.count
        }
    }
}
