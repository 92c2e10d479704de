import NASCore

extension Tensor {
    /// Inverted dropout: in training each element is zeroed with probability `p` and the rest
    /// are scaled by `1 / (1 - p)`; outside training it is the identity.
    public func dropout(p: Double, training: Bool, rng: inout SeededRandom) -> Tensor {
        guard training, p > 0 else { return self }
        let keep = TensorStorage(zeros: count)
        let scale = Float(1 / (1 - p))
        for i in 0..<count { keep.pointer[i] = rng.nextDouble() < p ? 0 : scale }
        let out = Tensor(zeros: shape)
        for i in 0..<count { out.data[i] = data[i] * keep.pointer[i] }
        return out.record([self], reads: []) { out in
            let g = out.grad!.pointer
            self.accumulateGrad { ga in for i in 0..<self.count { ga[i] = g[i] * keep.pointer[i] } }
        }
    }
}
