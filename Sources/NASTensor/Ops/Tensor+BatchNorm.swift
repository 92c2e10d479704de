import CDNNL

extension Tensor {
    /// Batch normalisation over the channels of an NCHW (or NC) batch.
    ///
    /// Training normalises with the batch's mean and biased variance and updates the running
    /// statistics in place (`running = (1 - momentum)·running + momentum·batch`, with the
    /// unbiased variance, as PyTorch does); inference normalises with the running statistics.
    public func batchNorm(scale: Tensor, shift: Tensor, runningMean: Tensor, runningVar: Tensor,
                          training: Bool, momentum: Float = 0.1, epsilon: Float = 1e-5) throws -> Tensor {
        let plan = try BatchNormPlan.plan(dims: shape, epsilon: epsilon)
        let out = Tensor(zeros: shape)
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
        updateRunning(runningMean, runningVar, mean: mean, variance: variance, momentum: momentum)
        return out.record([self, scale, shift]) { out in
            // The memories above only borrow these buffers; keep them alive until backward.
            withExtendedLifetime((mean, variance)) {}
            let diffScale = TensorStorage(zeros: self.channels), diffShift = TensorStorage(zeros: self.channels)
            let gradIn = TensorStorage(zeros: self.count)
            try plan.backward.execute([
                (DNNL.Arg.src, src), (DNNL.Arg.mean, meanMem), (DNNL.Arg.variance, varMem),
                (DNNL.Arg.diffDst, try DNNLMemory(plan.data, out.grad!.raw)), (DNNL.Arg.scale, scaleMem),
                (DNNL.Arg.shift, shiftMem),
                (DNNL.Arg.diffSrc, try DNNLMemory(plan.data, gradIn.raw)),
                (DNNL.Arg.diffScale, try DNNLMemory(plan.channel, diffScale.raw)),
                (DNNL.Arg.diffShift, try DNNLMemory(plan.channel, diffShift.raw)),
            ])
            self.accumulateGrad { $0.update(from: gradIn.pointer, count: gradIn.count) }
            scale.accumulateGrad { $0.update(from: diffScale.pointer, count: diffScale.count) }
            shift.accumulateGrad { $0.update(from: diffShift.pointer, count: diffShift.count) }
        }
    }

    /// Folds one batch's statistics into the running ones.
    private func updateRunning(_ runningMean: Tensor, _ runningVar: Tensor, mean: TensorStorage,
                               variance: TensorStorage, momentum: Float) {
        let n = Float(count / channels)
        let unbiased = n > 1 ? n / (n - 1) : 1
        for c in 0..<channels {
            runningMean.data[c] = (1 - momentum) * runningMean.data[c] + momentum * mean.pointer[c]
            runningVar.data[c] = (1 - momentum) * runningVar.data[c] + momentum * variance.pointer[c] * unbiased
        }
    }
}
