import CDNNL

/// The compiled oneDNN batch-normalisation kernels for one shape: training forward (batch
/// statistics), backward, and inference forward (running statistics).
final class BatchNormPlan: @unchecked Sendable {
    let training: DNNLPrimitive
    let backward: DNNLPrimitive
    let inference: DNNLPrimitive
    let data: dnnl_memory_desc_t
    let channel: dnnl_memory_desc_t

    static func plan(dims: [Int], epsilon: Float) throws -> BatchNormPlan {
        try PrimitiveCache.shared.value("bn:\(dims):\(epsilon)") { try BatchNormPlan(dims: dims, epsilon: epsilon) }
    }

    private init(dims: [Int], epsilon: Float) throws {
        var md = DNNL.plain(dims)
        data = md
        channel = DNNL.plain([dims[1]])
        let affine = dnnl_use_scale.rawValue | dnnl_use_shift.rawValue
        var fwd = dnnl_batch_normalization_desc_t()
        try DNNLError.check(dnnl_batch_normalization_forward_desc_init(&fwd, dnnl_forward_training, &md, epsilon,
                                                                       affine), "batch_normalization_forward")
        training = try DNNLPrimitive(opDesc: &fwd, what: "batch norm \(dims)")
        var bwd = dnnl_batch_normalization_desc_t()
        var diff = md
        try DNNLError.check(dnnl_batch_normalization_backward_desc_init(&bwd, dnnl_backward, &diff, &md, epsilon,
                                                                        affine), "batch_normalization_backward")
        backward = try DNNLPrimitive(opDesc: &bwd, hint: training, what: "batch norm backward \(dims)")
        var inf = dnnl_batch_normalization_desc_t()
        try DNNLError.check(dnnl_batch_normalization_forward_desc_init(
            &inf, dnnl_forward_inference, &md, epsilon, affine | dnnl_use_global_stats.rawValue),
                            "batch_normalization_inference")
        inference = try DNNLPrimitive(opDesc: &inf, what: "batch norm inference \(dims)")
    }
}
