import CDNNL

extension Tensor {
    /// Batch normalisation over the channels of an NCHW (or NC) batch.
    ///
    /// Training normalises with the batch's mean and biased variance and updates the running
    /// statistics in place (`running = (1 - momentum)·running + momentum·batch`, with the
    /// unbiased variance, as PyTorch does); inference normalises with the running statistics.
    /// Computed in Swift on the plain layout: measured here, oneDNN's plain-layout (`ncsp`)
    /// batch norm took longer than the convolutions around it.
    public func batchNorm(scale: Tensor, shift: Tensor, runningMean: Tensor, runningVar: Tensor,
                          training: Bool, momentum: Float = 0.1, epsilon: Float = 1e-5) throws -> Tensor {
        if let blocked = layout, count <= Self.smallBatchNorm, let small = SmallReorder(blocked, shape: shape) {
            // Small: converted to plain and back by Swift loops, normalised in Swift (no OpenMP team).
            let plain = try plain()
            let normalised = try plain.batchNorm(scale: scale, shift: shift, runningMean: runningMean,
                                                 runningVar: runningVar, training: training, momentum: momentum,
                                                 epsilon: epsilon)
            let out = normalised.blocked(blocked, small)
            for t in [plain, normalised] { t.endForwardUse() }
            return out
        }
        if let blocked = layout {
            // One thread: oneDNN's blocked batch norm synchronises its threads with spinning
            // barriers, which cost NB201 training more than the second thread saved (see
            // docs/performance.md).
            return try ComputeThreads.serially {
                try blockedBatchNorm(blocked, scale: scale, shift: shift, runningMean: runningMean,
                                     runningVar: runningVar, training: training, momentum: momentum, epsilon: epsilon)
            }
        }
        let n = batch, c = channels, plane = count / (n * c)
        // Mean, biased variance and 1/√(variance + ε) per channel, in one buffer.
        let stats = TensorStorage(zeros: 3 * c)
        let mean = stats.pointer, variance = stats.pointer + c, invStd = stats.pointer + 2 * c
        if training {
            batchStatistics(n: n, c: c, plane: plane, mean: mean, variance: variance, invStd: invStd, epsilon: epsilon)
            updateRunning(runningMean, runningVar, mean: mean, variance: variance, momentum: momentum,
                          samples: n * plane)
        } else {
            for ch in 0..<c {
                mean[ch] = runningMean.data[ch]
                invStd[ch] = 1 / (runningVar.data[ch] + epsilon).squareRoot()
            }
        }
        let out = Tensor(uninitialized: shape)
        let x = data, y = out.data, gamma = scale.data, beta = shift.data
        for ch in 0..<c {
            let a = gamma[ch] * invStd[ch], b = beta[ch] - mean[ch] * a
            for s in 0..<n {
                let base = (s * c + ch) * plane
                let src = x + base, dst = y + base
                for i in 0..<plane { dst[i] = src[i] * a + b }
            }
        }
        guard training else { return out }  // inference normalisation is not differentiated
        return out.record([self, scale, shift], reads: [self, scale]) { out in
            withExtendedLifetime(stats) {
                self.batchNormBackward(out.grad!.pointer, scale: scale, shift: shift, mean: mean, invStd: invStd,
                                       n: n, c: c, plane: plane)
            }
        }
    }

    /// The most values of a blocked tensor normalised in Swift (through plain layout) rather than by
    /// oneDNN: measured (`SmallOpTimingTests/crossover`), oneDNN's blocked kernel costs 4.2 µs on 64
    /// values and 5.2 on 4,096, the Swift batch norm 0.8 and 1.7, before the two conversions.
    static let smallBatchNorm = 2048

    /// Batch norm of a blocked tensor with oneDNN's kernels (same semantics as the plain path).
    private func blockedBatchNorm(_ layout: dnnl_memory_desc_t, scale: Tensor, shift: Tensor, runningMean: Tensor,
                                  runningVar: Tensor, training: Bool, momentum: Float, epsilon: Float) throws -> Tensor {
        let plan = try BatchNormPlan.plan(layout, channels: channels, epsilon: epsilon)
        let out = Tensor(shape: shape, blocked: layout)
        let src = try DNNLMemory(plan.data, storage.raw)
        let dst = try DNNLMemory(plan.data, out.storage.raw)
        let scaleMem = try DNNLMemory(plan.channel, scale.storage.raw)
        let shiftMem = try DNNLMemory(plan.channel, shift.storage.raw)
        guard training else {
            try plan.inference.execute([
                (DNNL.Arg.src, src), (DNNL.Arg.dst, dst), (DNNL.Arg.scale, scaleMem), (DNNL.Arg.shift, shiftMem),
                (DNNL.Arg.mean, try DNNLMemory(plan.channel, runningMean.storage.raw)),
                (DNNL.Arg.variance, try DNNLMemory(plan.channel, runningVar.storage.raw)),
            ])
            return out // Inference normalisation is not differentiated.
        }
        let mean = TensorStorage(zeros: channels), variance = TensorStorage(zeros: channels)
        let meanMem = try DNNLMemory(plan.channel, mean.raw), varMem = try DNNLMemory(plan.channel, variance.raw)
        try plan.training.execute([(DNNL.Arg.src, src), (DNNL.Arg.dst, dst), (DNNL.Arg.scale, scaleMem),
                                   (DNNL.Arg.shift, shiftMem), (DNNL.Arg.mean, meanMem),
                                   (DNNL.Arg.variance, varMem)])
        updateRunning(runningMean, runningVar, mean: mean.pointer, variance: variance.pointer, momentum: momentum,
                      samples: count / channels)
        return out.record([self, scale, shift], reads: [self, scale, shift]) { out in
            // The memories above only borrow these buffers; keep them alive until backward.
            withExtendedLifetime((mean, variance)) {}
            let diffScale = TensorStorage(zeros: self.channels), diffShift = TensorStorage(zeros: self.channels)
            func run(_ gradIn: UnsafeMutableRawPointer) throws {
                try ComputeThreads.serially { try plan.backward.execute(args(gradIn)) }
            }
            func args(_ gradIn: UnsafeMutableRawPointer) throws -> [(Int32, DNNLMemory)] {
                [
                    (DNNL.Arg.src, src), (DNNL.Arg.mean, meanMem), (DNNL.Arg.variance, varMem),
                    (DNNL.Arg.diffDst, try DNNLMemory(plan.data, out.grad!.raw)), (DNNL.Arg.scale, scaleMem),
                    (DNNL.Arg.shift, shiftMem), (DNNL.Arg.diffSrc, try DNNLMemory(plan.data, gradIn)),
                    (DNNL.Arg.diffScale, try DNNLMemory(plan.channel, diffScale.raw)),
                    (DNNL.Arg.diffShift, try DNNLMemory(plan.channel, diffShift.raw)),
                ]
            }
            // The kernel writes the input's gradient straight into its buffer (when it is the first).
            if self.requiresGrad {
                try self.accumulateGrad(overwriting: true) { try run(UnsafeMutableRawPointer($0)) }
            } else {
                let scratch = TensorStorage(uninitialized: self.storageCount)
                try withExtendedLifetime(scratch) { try run(scratch.raw) }
            }
            scale.accumulateGrad { $0.update(from: diffScale.pointer, count: diffScale.count) }
            shift.accumulateGrad { $0.update(from: diffShift.pointer, count: diffShift.count) }
        }
    }

    /// Per-channel batch mean, biased variance and `1/√(variance + ε)` (two passes, for accuracy).
    private func batchStatistics(n: Int, c: Int, plane: Int, mean: UnsafeMutablePointer<Float>,
                                 variance: UnsafeMutablePointer<Float>, invStd: UnsafeMutablePointer<Float>,
                                 epsilon: Float) {
        let m = Double(n * plane), x = data
        for ch in 0..<c {
            var total = 0.0
            for s in 0..<n { total += Double(VectorMath.sum(x + (s * c + ch) * plane, plane)) }
            let mu = Float(total / m)
            var squares = 0.0
            for s in 0..<n { squares += Double(VectorMath.squaredDeviation(x + (s * c + ch) * plane, plane, mean: mu)) }
            mean[ch] = mu
            variance[ch] = Float(squares / m)
            invStd[ch] = Float(1 / (squares / m + Double(epsilon)).squareRoot())
        }
    }

    /// `dβ = Σ dy`, `dγ = Σ dy·x̂`, `dx = γ/σ · (dy − mean(dy) − x̂·mean(dy·x̂))`.
    private func batchNormBackward(_ dy: UnsafeMutablePointer<Float>, scale: Tensor, shift: Tensor,
                                   mean: UnsafeMutablePointer<Float>, invStd: UnsafeMutablePointer<Float>,
                                   n: Int, c: Int, plane: Int) {
        let m = Float(n * plane), xs = data, gamma = scale.data
        var sumDy = [Float](repeating: 0, count: c), sumDyXhat = [Float](repeating: 0, count: c)
        for ch in 0..<c {
            var a = 0.0, b = 0.0
            for s in 0..<n {
                let base = (s * c + ch) * plane
                a += Double(VectorMath.sum(dy + base, plane))
                b += Double(VectorMath.dotCentered(dy + base, xs + base, plane, mean: mean[ch]))
            }
            sumDy[ch] = Float(a)
            sumDyXhat[ch] = Float(b) * invStd[ch]
        }
        shift.accumulateGrad { g in for ch in 0..<c { g[ch] = sumDy[ch] } }
        scale.accumulateGrad { g in for ch in 0..<c { g[ch] = sumDyXhat[ch] } }
        accumulateGrad(overwriting: true) { dx in
            for ch in 0..<c {
                let k = gamma[ch] * invStd[ch], mu = mean[ch], inv = invStd[ch]
                let meanDy = sumDy[ch] / m, meanDyXhat = sumDyXhat[ch] / m
                for s in 0..<n {
                    let base = (s * c + ch) * plane
                    let x = xs + base, g = dy + base, o = dx + base
                    for i in 0..<plane { o[i] = k * (g[i] - meanDy - (x[i] - mu) * inv * meanDyXhat) }
                }
            }
        }
    }

    /// Folds one batch's statistics into the running ones.
    private func updateRunning(_ runningMean: Tensor, _ runningVar: Tensor, mean: UnsafeMutablePointer<Float>,
                               variance: UnsafeMutablePointer<Float>, momentum: Float, samples: Int) {
        let unbiased = samples > 1 ? Float(samples) / Float(samples - 1) : 1
        let rm = runningMean.data, rv = runningVar.data
        for ch in 0..<runningMean.count {
            rm[ch] = (1 - momentum) * rm[ch] + momentum * mean[ch]
            rv[ch] = (1 - momentum) * rv[ch] + momentum * variance[ch] * unbiased
        }
    }
}
