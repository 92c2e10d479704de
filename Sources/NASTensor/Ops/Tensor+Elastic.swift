extension Tensor {
    /// The centre `size`×`size` window of every k×k plane of an `[a, b, k, k]` tensor: a smaller kernel inside a larger one.
    ///
    /// Once-for-all's elastic kernel starts from this window of the larger kernel (then transforms
    /// it with a learned matrix). The gradient flows back into the window and is zero outside it.
    public func centreCrop(_ size: Int) -> Tensor {
        precondition(shape.count == 4 && shape[2] == shape[3] && size >= 1 && size <= shape[2] && (shape[2] - size) % 2 == 0,
                     "centreCrop(\(size)) needs an [a, b, k, k] tensor with k - \(size) even, got \(shape)")
        let k = shape[2], start = (k - size) / 2, planes = shape[0] * shape[1]
        let out = Tensor(zeros: [shape[0], shape[1], size, size])
        let src = data, dst = out.data
        for p in 0..<planes {
            for r in 0..<size {
                (dst + (p * size + r) * size).update(from: src + (p * k + start + r) * k + start, count: size)
            }
        }
        return out.record([self], reads: []) { out in
            let g = out.grad!.pointer
            self.accumulateGrad { gi in
                for p in 0..<planes {
                    for r in 0..<size {
                        (gi + (p * k + start + r) * k + start).update(from: g + (p * size + r) * size, count: size)
                    }
                }
            }
        }
    }

    /// The first `count` entries along the first axis: a weight's leading output channels, or a vector's first values.
    ///
    /// Once-for-all's elastic width keeps the first (most important) channels of a layer.
    public func leading(_ count: Int) -> Tensor {
        precondition(!shape.isEmpty && count >= 1 && count <= shape[0], "leading(\(count)) of a tensor of shape \(shape)")
        guard count < shape[0] else { return self }
        let row = self.count / shape[0]
        var newShape = shape
        newShape[0] = count
        let out = Tensor(zeros: newShape)
        out.data.update(from: data, count: count * row)
        return out.record([self], reads: []) { out in
            let g = out.grad!.pointer
            self.accumulateGrad { $0.update(from: g, count: count * row) }
        }
    }
}
