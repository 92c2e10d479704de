import Foundation

extension Tensor {
    /// The mean softmax cross-entropy of logits `[n, classes]` against integer labels.
    ///
    /// Computed stably (subtracting each row's maximum); the gradient is `(softmax - onehot) / n`.
    public func softmaxCrossEntropy(labels: [Int]) -> Tensor {
        let n = batch, k = count / n
        precondition(labels.count == n, "\(labels.count) labels for a batch of \(n)")
        let probabilities = TensorStorage(zeros: count)
        var total: Double = 0
        for i in 0..<n {
            let row = data + i * k, p = probabilities.pointer + i * k
            var m = row[0]
            for j in 1..<max(k, 1) { m = max(m, row[j]) }
            var z: Double = 0
            for j in 0..<k {
                let e = Foundation.exp(Double(row[j] - m))
                p[j] = Float(e)
                z += e
            }
            for j in 0..<k { p[j] = Float(Double(p[j]) / z) }
            total += Foundation.log(z) + Double(m) - Double(row[labels[i]])
        }
        let out = Tensor(shape: [1], values: [Float(total / Double(n))])
        return out.record([self], reads: []) { out in
            let g = out.grad!.pointer[0] / Float(n)
            self.accumulateGrad { gl in
                for i in 0..<n {
                    for j in 0..<k { gl[i * k + j] = probabilities.pointer[i * k + j] * g }
                    gl[i * k + labels[i]] -= g
                }
            }
        }
    }

    /// The index of the largest value in each row of `[n, classes]` logits.
    public func argmaxRows() -> [Int] {
        let n = batch, k = count / n
        return (0..<n).map { i in
            let row = data + i * k
            var best = 0
            for j in 1..<max(k, 1) where row[j] > row[best] { best = j }
            return best
        }
    }
}
