import CDNNL

/// The compiled oneDNN batch-normalisation kernels for one blocked layout: training forward
/// (batch statistics), backward, and inference forward (running statistics). Plain tensors use
/// naslab's own batch norm, which measured faster than oneDNN's plain-layout kernel.
final class BatchNormPlan: @unchecked Sendable {
    let training: DNNLPrimitive
    let backward: DNNLPrimitive
    let inference: DNNLPrimitive
    let data: dnnl_memory_desc_t
    let channel: dnnl_memory_desc_t

    static func plan(_ md: dnnl_memory_desc_t, channels: Int, epsilon: Float) throws -> BatchNormPlan {
        try PrimitiveCache.shared.value("bn:\(Reorder.fingerprint(md)):\(epsilon)") {
            try BatchNormPlan(md, channels: channels, epsilon: epsilon)
        }
    }

    private init(_ layout: dnnl_memory_desc_t, channels: Int, epsilon: Float) throws {
        var md = layout
        data = md
        channel = DNNL.plain([channels])
        let affine = dnnl_use_scale.rawValue | dnnl_use_shift.rawValue
        var fwd = dnnl_batch_normalization_desc_t()
        try DNNLError.check(dnnl_batch_normalization_forward_desc_init(&fwd, dnnl_forward_training, &md, epsilon,
                                                                       affine), "batch_normalization_forward")
        training = try DNNLPrimitive(opDesc: &fwd, what: "batch norm")
        var bwd = dnnl_batch_normalization_desc_t()
        var diff = md
        try DNNLError.check(dnnl_batch_normalization_backward_desc_init(&bwd, dnnl_backward, &diff, &md, epsilon,
                                                                        affine), "batch_normalization_backward")
        backward = try DNNLPrimitive(opDesc: &bwd, hint: training, what: "batch norm backward")
        var inf = dnnl_batch_normalization_desc_t()
        try DNNLError.check(dnnl_batch_normalization_forward_desc_init(
            &inf, dnnl_forward_inference, &md, epsilon, affine | dnnl_use_global_stats.rawValue),
                            "batch_normalization_inference")
        inference = try DNNLPrimitive(opDesc: &inf, what: "batch norm inference")
    }
}
