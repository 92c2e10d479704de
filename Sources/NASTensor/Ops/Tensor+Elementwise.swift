extension Tensor {
    /// The elementwise sum of tensors of one shape.
    ///
    /// Blocked tensors are added in their layout when every term shares it; mixed layouts are
    /// summed in plain layout.
    public static func sum(_ terms: [Tensor]) throws -> Tensor {
        precondition(!terms.isEmpty, "sum of no tensors")
        let shape = terms[0].shape
        precondition(terms.allSatisfy { $0.shape == shape }, "sum of tensors with shapes \(terms.map(\.shape))")
        let first = terms[0].layout
        let shared = terms.allSatisfy { t in
            switch (t.layout, first) {
            case (nil, nil): return true
            case (let a?, let b?): return DNNL.same(a, b)
            default: return false
            }
        }
        guard shared else {
            let converted = try terms.map { try $0.plain() }
            let result = try sum(converted)
            for (c, t) in zip(converted, terms) where c !== t { c.endForwardUse() }
            return result
        }
        let out = first.map { Tensor(shape: shape, blocked: $0) } ?? Tensor(uninitialized: shape)
        let n = out.storage.count
        out.storage.pointer.update(from: terms[0].storage.pointer, count: n)
        for t in terms.dropFirst() { out.storage.add(t.storage.pointer) }
        return out.record(terms, reads: []) { out in
            let g = out.grad!.pointer
            for t in terms { t.accumulateGrad(overwriting: true) { $0.update(from: g, count: n) } }
        }
    }

    /// `self + other` (same shape).
    public static func + (lhs: Tensor, rhs: Tensor) throws -> Tensor { try sum([lhs, rhs]) }

    /// The elementwise product; `other` may be `[n, c, 1, 1]` and is then broadcast over the
    /// spatial positions (squeeze-and-excitation scaling).
    public func mul(_ other: Tensor) -> Tensor {
        let n = batch, c = channels, plane = height * width
        let broadcast = other.count != count
        precondition(other.count == count || other.count == n * c,
                     "mul of \(shape) by \(other.shape): the second must match or be n×c×1×1")
        let out = Tensor(zeros: shape)
        let a = data, b = other.data, o = out.data
        if broadcast {
            for i in 0..<(n * c) {
                let s = b[i], base = i * plane
                for j in 0..<plane { o[base + j] = a[base + j] * s }
            }
        } else {
            for i in 0..<count { o[i] = a[i] * b[i] }
        }
        return out.record([self, other], reads: [self, other]) { out in
            let g = out.grad!.pointer
            self.accumulateGrad { ga in
                if broadcast {
                    for i in 0..<(n * c) {
                        let s = b[i], base = i * plane
                        for j in 0..<plane { ga[base + j] = g[base + j] * s }
                    }
                } else {
                    for i in 0..<self.count { ga[i] = g[i] * b[i] }
                }
            }
            other.accumulateGrad { gb in
                if broadcast {
                    for i in 0..<(n * c) {
                        var acc: Float = 0
                        let base = i * plane
                        for j in 0..<plane { acc += g[base + j] * a[base + j] }
                        gb[i] = acc
                    }
                } else {
                    for i in 0..<self.count { gb[i] = g[i] * a[i] }
                }
            }
        }
    }

    /// `self · s` for a constant `s`.
    public func scaled(_ s: Float) -> Tensor {
        let out = Tensor(zeros: shape)
        for i in 0..<count { out.data[i] = data[i] * s }
        return out.record([self], reads: []) { out in
            let g = out.grad!.pointer
            self.accumulateGrad { ga in for i in 0..<self.count { ga[i] = g[i] * s } }
        }
    }

    /// `1 - self`, elementwise (the LSTM-free gates and GRU-style mixes use it).
    public func oneMinus() -> Tensor {
        let out = Tensor(zeros: shape)
        for i in 0..<count { out.data[i] = 1 - data[i] }
        return out.record([self], reads: []) { out in
            let g = out.grad!.pointer
            self.accumulateGrad { ga in for i in 0..<self.count { ga[i] = -g[i] } }
        }
    }

    /// The same values with another shape of equal size (a view in meaning, a copy in memory).
    public func reshaped(_ newShape: [Int]) -> Tensor {
        precondition(newShape.reduce(1, *) == count, "cannot reshape \(shape) to \(newShape)")
        let out = Tensor(zeros: newShape)
        out.data.update(from: data, count: count)
        return out.record([self], reads: []) { out in
            let g = out.grad!.pointer
            self.accumulateGrad(overwriting: true) { $0.update(from: g, count: self.count) }
        }
    }

    /// The sum of all elements, as a one-element tensor.
    public func sumAll() -> Tensor {
        var total: Float = 0
        for i in 0..<count { total += data[i] }
        let out = Tensor(shape: [1], values: [total])
        return out.record([self], reads: []) { out in
            let g = out.grad!.pointer[0]
            self.accumulateGrad { $0.update(repeating: g, count: self.count) }
        }
    }
}
