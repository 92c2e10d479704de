import CDNNL

extension Tensor {
    /// `Σᵢ weights[slots[i]] · terms[i]`: a supernet's mixed operation, differentiable in the terms and the weights.
    ///
    /// `weights` is a short vector (one weight per candidate operation, `softmax(α)` in DARTS);
    /// `slots[i]` says which weight scales `terms[i]`, so that only the candidates computed need be
    /// passed (GDAS and ProxylessNAS compute one or two). The gradient of a weight is the dot product
    /// of the output's gradient with its term. Terms sharing a blocked layout are mixed in it.
    public static func mix(_ terms: [Tensor], weights: Tensor, slots: [Int]) throws -> Tensor {
        precondition(!terms.isEmpty && terms.count == slots.count, "mix of \(terms.count) terms with \(slots.count) slots")
        precondition(slots.allSatisfy { $0 >= 0 && $0 < weights.count }, "mix slots \(slots) outside \(weights.count) weights")
        guard sharesLayout(terms) else {
            let converted = try terms.map { try $0.plain() }
            let result = try mix(converted, weights: weights, slots: slots)
            for (c, t) in zip(converted, terms) where c !== t { c.endForwardUse() }
            return result
        }
        let shape = terms[0].shape
        precondition(terms.allSatisfy { $0.shape == shape }, "mix of tensors with shapes \(terms.map(\.shape))")
        let w = weights.values
        let out = terms[0].layout.map { Tensor(shape: shape, blocked: $0) } ?? Tensor(uninitialized: shape)
        let n = out.storage.count, o = out.storage.pointer
        o.update(repeating: 0, count: n)
        for (t, slot) in zip(terms, slots) { axpy(Float(w[slot]), t.storage.pointer, o, n) }
        return out.record(terms + [weights], reads: terms) { out in
            let g = out.grad!.pointer
            for (t, slot) in zip(terms, slots) {
                let scale = Float(w[slot])
                t.accumulateGrad { gt in axpy(scale, g, gt, n) }
            }
            weights.accumulateGrad { gw in
                for (t, slot) in zip(terms, slots) { gw[slot] += VectorMath.dotCentered(g, t.storage.pointer, n, mean: 0) }
            }
        }
    }

    /// Whether every term is plain, or every term is in the same blocked layout.
    private static func sharesLayout(_ terms: [Tensor]) -> Bool {
        let first = terms[0].layout
        return terms.allSatisfy { t in
            switch (t.layout, first) {
            case (nil, nil): return true
            case (let a?, let b?): return DNNL.same(a, b)
            default: return false
            }
        }
    }

    /// `y += a·x` over `n` values.
    private static func axpy(_ a: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
        for i in 0..<n { y[i] += a * x[i] }
    }
}
