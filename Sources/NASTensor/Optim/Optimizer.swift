/// Updates parameters from their gradients, one step at a time.
public protocol Optimizer {
    /// Applies one update with learning rate `lr` to every parameter that has a gradient.
    mutating func step(_ parameters: [Tensor], lr: Double)
    /// The optimiser's buffers for `parameters`, in order, as one vector (for checkpoints).
    func state(of parameters: [Tensor]) -> [Float]
    /// Restores buffers written by `state(of:)` for the same parameters.
    mutating func restore(_ state: [Float], of parameters: [Tensor])
}

extension Optimizer {
    /// Clears every parameter's gradient.
    public func zeroGrad(_ parameters: [Tensor]) {
        for p in parameters { p.zeroGrad() }
    }
}
