import CDNNL

extension Tensor {
    /// 2-D convolution of an NCHW batch with weights `[out, in / groups, k, k]` and an optional bias.
    ///
    /// Forward, backward-data and backward-weights all run oneDNN kernels in the layouts the
    /// library chooses; `groups == channels` is a depthwise convolution.
    public func conv2d(weight: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Int = 0,
                       dilation: Int = 1, groups: Int = 1) throws -> Tensor {
        precondition(shape.count == 4, "conv2d needs an NCHW input, got \(shape)")
        let g = ConvGeometry(batch: batch, inChannels: channels, outChannels: weight.shape[0], height: height,
                             width: width, kernel: weight.shape[2], stride: stride, padding: padding,
                             dilation: dilation, groups: groups)
        precondition(weight.shape == g.weightShape, "conv2d weight \(weight.shape) does not fit \(g.weightShape)")
        let plan = try ConvPlan.plan(g, bias: bias != nil)
        let out = Tensor(zeros: g.dstDims)
        let src = try plan.fwdSrc.input(storage.raw)
        let wei = try plan.fwdWeights.input(weight.storage.raw)
        let (dst, finish) = try plan.fwdDst.output(out.storage.raw)
        var args: [(Int32, DNNLMemory)] = [(DNNL.Arg.src, src), (DNNL.Arg.weights, wei), (DNNL.Arg.dst, dst)]
        if let b = bias { args.append((DNNL.Arg.bias, try DNNLMemory(plan.plainBias, b.storage.raw))) }
        try plan.forward.execute(args)
        try finish()
        var inputs = [self, weight]
        if let b = bias { inputs.append(b) }
        return out.record(inputs) { out in
            try Tensor.convBackward(plan: plan, input: self, weight: weight, bias: bias, gradOut: out.grad!)
        }
    }

    /// The two backward passes of a convolution, each only when its input needs a gradient.
    private static func convBackward(plan: ConvPlan, input: Tensor, weight: Tensor, bias: Tensor?,
                                     gradOut: TensorStorage) throws {
        if input.requiresGrad {
            try input.accumulateGrad { gradIn in
                let diffDst = try plan.bdDiffDst.input(gradOut.raw)
                let wei = try plan.bdWeights.input(weight.storage.raw)
                let (diffSrc, finish) = try plan.bdDiffSrc.output(UnsafeMutableRawPointer(gradIn))
                try plan.backwardData.execute([(DNNL.Arg.diffDst, diffDst), (DNNL.Arg.weights, wei),
                                               (DNNL.Arg.diffSrc, diffSrc)])
                try finish()
            }
        }
        guard weight.requiresGrad || (bias?.requiresGrad ?? false) else { return }
        let diffBias = bias.map { _ in TensorStorage(zeros: plan.geometry.outChannels) }
        try weight.accumulateGrad { gradW in
            let src = try plan.bwSrc.input(input.storage.raw)
            let diffDst = try plan.bwDiffDst.input(gradOut.raw)
            let (diffW, finish) = try plan.bwDiffWeights.output(UnsafeMutableRawPointer(gradW))
            var args: [(Int32, DNNLMemory)] = [(DNNL.Arg.src, src), (DNNL.Arg.diffDst, diffDst),
                                               (DNNL.Arg.diffWeights, diffW)]
            if let db = diffBias { args.append((DNNL.Arg.diffBias, try DNNLMemory(plan.plainBias, db.raw))) }
            try plan.backwardWeights.execute(args)
            try finish()
        }
        if let b = bias, let db = diffBias { b.accumulateGrad { $0.update(from: db.pointer, count: db.count) } }
    }
}
