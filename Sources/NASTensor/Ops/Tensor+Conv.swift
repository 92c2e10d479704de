import CDNNL

extension Tensor {
    /// 2-D convolution of an NCHW batch with weights `[out, in / groups, k, k]` and an optional bias.
    ///
    /// Forward, backward-data and backward-weights all run oneDNN kernels in the layouts the
    /// library chooses; `groups == channels` is a depthwise convolution. The input may be plain
    /// or blocked; with `keepLayout` the output stays in the kernel's blocked layout (for a
    /// layout-aware reader: another convolution, an activation, batch norm or a sum), otherwise
    /// it is converted to plain NCHW.
    public func conv2d(weight: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Int = 0,
                       dilation: Int = 1, groups: Int = 1, keepLayout: Bool = false) throws -> Tensor {
        precondition(shape.count == 4, "conv2d needs an NCHW input, got \(shape)")
        let g = ConvGeometry(batch: batch, inChannels: channels, outChannels: weight.shape[0], height: height,
                             width: width, kernel: weight.shape[2], stride: stride, padding: padding,
                             dilation: dilation, groups: groups)
        precondition(weight.shape == g.weightShape, "conv2d weight \(weight.shape) does not fit \(g.weightShape)")
        let started = KernelClock.start()
        let plan = try ConvPlan.plan(g, bias: bias != nil)
        let keep = keepLayout && !plan.fwdDst.isIdentity
        let out = keep ? Tensor(shape: g.dstDims, blocked: plan.fwdDst.kernel) : Tensor(uninitialized: g.dstDims)
        let src = try Reorder.memory(storage.raw, have: memoryDesc, want: plan.fwdSrc.kernel)
        let wei = try plan.fwdWeights.input(weight.storage.raw)
        let (dst, finish) = try Reorder.output(out.storage.raw, target: out.memoryDesc, kernel: plan.fwdDst.kernel)
        var args: [(Int32, DNNLMemory)] = [(DNNL.Arg.src, src), (DNNL.Arg.weights, wei), (DNNL.Arg.dst, dst)]
        if let b = bias { args.append((DNNL.Arg.bias, try DNNLMemory(plan.plainBias, b.storage.raw))) }
        try plan.forward.execute(args)
        try finish()
        KernelClock.stop(started, "\(g.kind) forward", flops: 2 * Double(g.macs))
        var inputs = [self, weight]
        if let b = bias { inputs.append(b) }
        // Keep the input in the kernel's layout for backward-weights when both kernels share it.
        let needsSrc = weight.requiresGrad || (bias?.requiresGrad ?? false)
        let keptSrc = needsSrc && DNNL.same(plan.fwdSrc.kernel, plan.bwSrc.kernel) ? src : nil
        // Backward reads the input's own values unless it keeps a converted copy of them.
        let readsInput = needsSrc && (keptSrc == nil || keptSrc!.pointer == storage.raw)
        // Likewise the weights for backward-data: they do not change between forward and backward.
        let keptWeights = DNNL.same(plan.fwdWeights.kernel, plan.bdWeights.kernel) ? wei : nil
        return out.record(inputs, reads: readsInput ? [self, weight] : [weight]) { out in
            let started = KernelClock.start()
            defer {
                let passes = (self.requiresGrad ? 1 : 0) + (needsSrc ? 1 : 0)
                KernelClock.stop(started, "\(g.kind) backward", flops: 2 * Double(g.macs * passes))
            }
            try Tensor.convBackward(plan: plan, input: self, kept: (keptSrc, keptWeights), weight: weight, bias: bias,
                                    output: out)
        }
    }

    /// The two backward passes of a convolution, each only when its input needs a gradient.
    /// `kept` holds the forward pass's input and weights in kernel layout, when backward can reuse them.
    private static func convBackward(plan: ConvPlan, input: Tensor, kept: (src: DNNLMemory?, weights: DNNLMemory?),
                                     weight: Tensor, bias: Tensor?, output: Tensor) throws {
        let keptSrc = kept.src
        let gradOut = output.grad!.raw, outDesc = output.memoryDesc
        // The output gradient in the kernels' layout, converted once when both backwards share it.
        let shareDiffDst = DNNL.same(plan.bdDiffDst.kernel, plan.bwDiffDst.kernel)
        let sharedDiffDst = shareDiffDst ? try Reorder.memory(gradOut, have: outDesc, want: plan.bdDiffDst.kernel) : nil
        if input.requiresGrad {
            try input.accumulateGrad(overwriting: true) { gradIn in
                let diffDst = try sharedDiffDst ?? Reorder.memory(gradOut, have: outDesc, want: plan.bdDiffDst.kernel)
                let wei = try kept.weights ?? plan.bdWeights.input(weight.storage.raw)
                let (diffSrc, finish) = try Reorder.output(UnsafeMutableRawPointer(gradIn), target: input.memoryDesc,
                                                           kernel: plan.bdDiffSrc.kernel)
                try plan.backwardData.execute([(DNNL.Arg.diffDst, diffDst), (DNNL.Arg.weights, wei),
                                               (DNNL.Arg.diffSrc, diffSrc)])
                try finish()
            }
        }
        guard weight.requiresGrad || (bias?.requiresGrad ?? false) else { return }
        let diffBias = bias.map { _ in TensorStorage(zeros: plan.geometry.outChannels) }
        let weightGrad = weight.requiresGrad ? nil : TensorStorage(zeros: weight.count)
        func backwardWeights(_ gradW: UnsafeMutablePointer<Float>) throws {
            let src = try keptSrc ?? Reorder.memory(input.storage.raw, have: input.memoryDesc, want: plan.bwSrc.kernel)
            let diffDst = try sharedDiffDst ?? Reorder.memory(gradOut, have: outDesc, want: plan.bwDiffDst.kernel)
            let (diffW, finish) = try plan.bwDiffWeights.output(UnsafeMutableRawPointer(gradW))
            var args: [(Int32, DNNLMemory)] = [(DNNL.Arg.src, src), (DNNL.Arg.diffDst, diffDst),
                                               (DNNL.Arg.diffWeights, diffW)]
            if let db = diffBias { args.append((DNNL.Arg.diffBias, try DNNLMemory(plan.plainBias, db.raw))) }
            try plan.backwardWeights.execute(args)
            try finish()
        }
        if let scratch = weightGrad { try backwardWeights(scratch.pointer) } else { try weight.accumulateGrad(backwardWeights) }
        if let b = bias, let db = diffBias { b.accumulateGrad { $0.update(from: db.pointer, count: db.count) } }
    }
}
