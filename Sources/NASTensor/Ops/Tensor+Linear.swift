import CDNNL

/// The compiled oneDNN inner-product kernels for one shape.
final class InnerProductPlan: @unchecked Sendable {
    let forward: DNNLPrimitive
    let backwardData: DNNLPrimitive
    let backwardWeights: DNNLPrimitive
    let src: dnnl_memory_desc_t, weights: dnnl_memory_desc_t, bias: dnnl_memory_desc_t, dst: dnnl_memory_desc_t

    static func plan(batch: Int, inFeatures: Int, outFeatures: Int, bias: Bool) throws -> InnerProductPlan {
        try PrimitiveCache.shared.value("ip:\(batch):\(inFeatures):\(outFeatures):\(bias)") {
            try InnerProductPlan(batch: batch, inFeatures: inFeatures, outFeatures: outFeatures, hasBias: bias)
        }
    }

    private init(batch: Int, inFeatures: Int, outFeatures: Int, hasBias: Bool) throws {
        var s = DNNL.plain([batch, inFeatures]), w = DNNL.plain([outFeatures, inFeatures])
        var b = DNNL.plain([outFeatures]), d = DNNL.plain([batch, outFeatures])
        src = s; weights = w; bias = b; dst = d
        var fwd = dnnl_inner_product_desc_t()
        try withUnsafePointer(to: &b) { bp in
            try DNNLError.check(dnnl_inner_product_forward_desc_init(&fwd, dnnl_forward_training, &s, &w,
                                                                     hasBias ? bp : nil, &d), "inner_product_forward")
        }
        forward = try DNNLPrimitive(opDesc: &fwd, what: "inner product")
        var bd = dnnl_inner_product_desc_t()
        try DNNLError.check(dnnl_inner_product_backward_data_desc_init(&bd, &s, &w, &d), "inner_product_backward_data")
        backwardData = try DNNLPrimitive(opDesc: &bd, hint: forward, what: "inner product backward data")
        var bw = dnnl_inner_product_desc_t()
        try withUnsafePointer(to: &b) { bp in
            try DNNLError.check(dnnl_inner_product_backward_weights_desc_init(&bw, &s, &w, hasBias ? bp : nil, &d),
                                "inner_product_backward_weights")
        }
        backwardWeights = try DNNLPrimitive(opDesc: &bw, hint: forward, what: "inner product backward weights")
    }
}

extension Tensor {
    /// A fully connected layer `y = x·Wᵀ + b` on the flattened input; `weight` is `[out, in]`.
    ///
    /// The output is `[n, out]`.
    public func linear(weight: Tensor, bias: Tensor? = nil) throws -> Tensor {
        let n = batch, inF = count / n, outF = weight.shape[0]
        precondition(weight.shape == [outF, inF], "linear weight \(weight.shape) does not fit input \(shape)")
        let plan = try InnerProductPlan.plan(batch: n, inFeatures: inF, outFeatures: outF, bias: bias != nil)
        let out = Tensor(uninitialized: [n, outF])
        var args: [(Int32, DNNLMemory)] = [(DNNL.Arg.src, try DNNLMemory(plan.src, storage.raw)),
                                           (DNNL.Arg.weights, try DNNLMemory(plan.weights, weight.storage.raw)),
                                           (DNNL.Arg.dst, try DNNLMemory(plan.dst, out.storage.raw))]
        if let b = bias { args.append((DNNL.Arg.bias, try DNNLMemory(plan.bias, b.storage.raw))) }
        try plan.forward.execute(args)
        var inputs = [self, weight]
        if let b = bias { inputs.append(b) }
        return out.record(inputs, reads: [self, weight]) { out in
            let diffDst = try DNNLMemory(plan.dst, out.grad!.raw)
            try self.accumulateGrad { gradIn in
                try plan.backwardData.execute([(DNNL.Arg.diffDst, diffDst),
                                               (DNNL.Arg.weights, try DNNLMemory(plan.weights, weight.storage.raw)),
                                               (DNNL.Arg.diffSrc, try DNNLMemory(plan.src, UnsafeMutableRawPointer(gradIn)))])
            }
            let diffBias = TensorStorage(zeros: outF)
            try weight.accumulateGrad { gradW in
                var back: [(Int32, DNNLMemory)] = [(DNNL.Arg.src, try DNNLMemory(plan.src, self.storage.raw)),
                                                   (DNNL.Arg.diffDst, diffDst),
                                                   (DNNL.Arg.diffWeights, try DNNLMemory(plan.weights, UnsafeMutableRawPointer(gradW)))]
                if bias != nil { back.append((DNNL.Arg.diffBias, try DNNLMemory(plan.bias, diffBias.raw))) }
                try plan.backwardWeights.execute(back)
            }
            bias?.accumulateGrad { $0.update(from: diffBias.pointer, count: outF) }
        }
    }
}
