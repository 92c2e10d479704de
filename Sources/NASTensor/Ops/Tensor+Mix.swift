import CDNNL

extension Tensor {
    /// `Σᵢ weights[slots[i]] · terms[i]`: a supernet's mixed operation, differentiable in the terms and the weights.
    ///
    /// `weights` is a short vector (one weight per candidate operation, `softmax(α)` in DARTS);
    /// `slots[i]` says which weight scales `terms[i]`, so that only the candidates computed need be
    /// passed (GDAS and ProxylessNAS compute one or two). The gradient of a weight is the dot product
    /// of the output's gradient with its term. Terms sharing a blocked layout are mixed in it.
    ///
    /// Both passes go over the values once, a tile at a time: the forward pass writes each tile of
    /// the output from every term, and the backward pass adds each term's share of a tile of the
    /// output's gradient into the term's gradient (in place) while it takes the weights' dot products.
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
        let scales = slots.map { Float(w[$0]) }
        let out = terms[0].layout.map { Tensor(shape: shape, blocked: $0) } ?? Tensor(uninitialized: shape)
        let n = out.storage.count
        let sources = terms.map { UnsafePointer($0.storage.pointer) }
        mixForward(sources, scales, into: out.storage.pointer, n)
        return out.record(terms + [weights], reads: weights.requiresGrad ? terms : []) { out in
            let g = UnsafePointer(out.grad!.pointer)
            var dots = [Double](repeating: 0, count: terms.count)
            let wantsDots = weights.requiresGrad
            // Each term's gradient buffer, added into in place (nil: the term wants none).
            let targets = terms.map { $0.requiresGrad ? $0.ensureGrad().pointer : nil }
            let values = wantsDots ? terms.map { UnsafePointer($0.storage.pointer) } : []
            mixBackward(g, scales, targets, values, &dots, n)
            if wantsDots {
                weights.accumulateGrad { gw in
                    for (slot, d) in zip(slots, dots) { gw[slot] += Float(d) }
                }
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

    /// Values per tile: a tile of the output and of every term stay in the core's cache between terms.
    private static let mixTile = 4096

    /// `out = Σ scales[k]·sources[k]` over `n` values, a tile at a time.
    private static func mixForward(_ sources: [UnsafePointer<Float>], _ scales: [Float], into out: UnsafeMutablePointer<Float>,
                                   _ n: Int) {
        var start = 0
        while start < n {
            let count = min(mixTile, n - start)
            scaled(scales[0], sources[0] + start, out + start, count)
            for k in 1..<sources.count {
                axpy(scales[k], sources[k] + start, out + start, count)
            }
            start += count
        }
    }

    /// For each term k: `targets[k] += scales[k]·g` (when it has a target), and `dots[k] += g·values[k]`
    /// (when `values` is not empty), over `n` values, a tile at a time.
    private static func mixBackward(_ g: UnsafePointer<Float>, _ scales: [Float], _ targets: [UnsafeMutablePointer<Float>?],
                                    _ values: [UnsafePointer<Float>], _ dots: inout [Double], _ n: Int) {
        var start = 0
        while start < n {
            let count = min(mixTile, n - start)
            for k in scales.indices {
                if let t = targets[k] { axpy(scales[k], g + start, t + start, count) }
                if !values.isEmpty { dots[k] += Double(dot(g + start, values[k] + start, count)) }
            }
            start += count
        }
    }

    /// `y = a·x` over `n` values.
    private static func scaled(_ a: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
        let rx = UnsafeRawPointer(x), ry = UnsafeMutableRawPointer(y)
        let av = SIMD16<Float>(repeating: a)
        var i = 0
        while i + 16 <= n {
            ry.storeBytes(of: av * rx.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self), toByteOffset: i * 4,
                          as: SIMD16<Float>.self)
            i += 16
        }
        while i < n { y[i] = a * x[i]; i += 1 }
    }

    /// `y += a·x` over `n` values.
    private static func axpy(_ a: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
        let rx = UnsafeRawPointer(x), ry = UnsafeMutableRawPointer(y)
        let av = SIMD16<Float>(repeating: a)
        var i = 0
        while i + 16 <= n {
            let sum = ry.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
                + av * rx.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
            ry.storeBytes(of: sum, toByteOffset: i * 4, as: SIMD16<Float>.self)
            i += 16
        }
        while i < n { y[i] += a * x[i]; i += 1 }
    }

    /// `Σ x·y` over `n` values.
    private static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ n: Int) -> Float {
        let rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y)
        var acc = SIMD16<Float>(repeating: 0)
        var i = 0
        while i + 16 <= n {
            acc += rx.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
                * ry.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
            i += 16
        }
        var total = acc.sum()
        while i < n { total += x[i] * y[i]; i += 1 }
        return total
    }
}

extension Tensor {
    /// `self · weights[slot]`, differentiable in both: a batch norm's scale and shift multiplied by a
    /// candidate's mixing weight, which gives the weighted candidate without keeping its output for
    /// the weight's gradient (that comes from the scale's and shift's gradients, `Σ g·self`).
    public func scaled(by weights: Tensor, slot: Int) -> Tensor {
        precondition(slot >= 0 && slot < weights.count, "slot \(slot) outside \(weights.count) weights")
        let w = weights.values[slot]
        let out = Tensor(zeros: shape)
        for i in 0..<count { out.data[i] = data[i] * w }
        return out.record([self, weights], reads: [self, weights]) { out in
            let g = out.grad!.pointer
            self.accumulateGrad { ga in for i in 0..<self.count { ga[i] = g[i] * w } }
            weights.accumulateGrad { gw in
                var total: Float = 0
                for i in 0..<self.count { total += g[i] * self.data[i] }
                gw[slot] = total
            }
        }
    }
}
