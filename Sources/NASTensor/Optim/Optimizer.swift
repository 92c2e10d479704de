/// Updates parameters from their gradients, one step at a time.
public protocol Optimizer {
    /// Applies one update with learning rate `lr` to every parameter that has a gradient.
    mutating func step(_ parameters: [Tensor], lr: Double)
}

extension Optimizer {
    /// Clears every parameter's gradient.
    public func zeroGrad(_ parameters: [Tensor]) {
        for p in parameters { p.zeroGrad() }
    }
}
