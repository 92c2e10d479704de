import CDNNL

/// The compiled oneDNN kernels for one convolution shape: forward, backward-data and
/// backward-weights, each in the layouts the library prefers (blocked `nChw16c` on AVX-512),
/// plus the reorders between those layouts and naslab's plain NCHW tensors.
final class ConvPlan: @unchecked Sendable {
    let geometry: ConvGeometry
    let hasBias: Bool
    let forward: DNNLPrimitive
    let backwardData: DNNLPrimitive
    let backwardWeights: DNNLPrimitive
    let plainBias: dnnl_memory_desc_t
    /// Layout bridges, one per tensor argument of each kernel.
    let fwdSrc, fwdWeights, fwdDst: LayoutBridge
    let bdDiffDst, bdWeights, bdDiffSrc: LayoutBridge
    let bwSrc, bwDiffDst, bwDiffWeights: LayoutBridge

    /// The plan for a geometry, compiled once per process.
    static func plan(_ g: ConvGeometry, bias: Bool) throws -> ConvPlan {
        try PrimitiveCache.shared.value("conv:\(g):\(bias)") { try ConvPlan(g, bias: bias) }
    }

    private init(_ g: ConvGeometry, bias: Bool) throws {
        geometry = g
        hasBias = bias
        let plainSrc = DNNL.plain(g.srcDims), plainDst = DNNL.plain(g.dstDims)
        let plainWeights = DNNL.plain(g.weightDims)
        plainBias = DNNL.plain([g.outChannels])
        var src = DNNL.any(g.srcDims), dst = DNNL.any(g.dstDims), wei = DNNL.any(g.weightDims)
        var biasMD = DNNL.plain([g.outChannels])
        let strides = DNNL.dims([g.stride, g.stride]), dil = DNNL.dims([g.dilation - 1, g.dilation - 1])
        let padL = DNNL.dims([g.padding, g.padding]), padR = DNNL.dims([g.paddingEndH, g.paddingEndW])
        var fwd = dnnl_convolution_desc_t()
        try withUnsafePointer(to: &biasMD) { b in
            try DNNLError.check(dnnl_dilated_convolution_forward_desc_init(
                &fwd, dnnl_forward_training, dnnl_convolution_direct, &src, &wei, bias ? b : nil, &dst,
                strides, dil, padL, padR), "convolution_forward_desc_init \(g)")
        }
        forward = try DNNLPrimitive(opDesc: &fwd, what: "conv forward \(g)")
        var bwdData = dnnl_convolution_desc_t()
        try DNNLError.check(dnnl_dilated_convolution_backward_data_desc_init(
            &bwdData, dnnl_convolution_direct, &src, &wei, &dst, strides, dil, padL, padR),
                            "convolution_backward_data_desc_init \(g)")
        backwardData = try DNNLPrimitive(opDesc: &bwdData, hint: forward, what: "conv backward data \(g)")
        var bwdWeights = dnnl_convolution_desc_t()
        try withUnsafePointer(to: &biasMD) { b in
            try DNNLError.check(dnnl_dilated_convolution_backward_weights_desc_init(
                &bwdWeights, dnnl_convolution_direct, &src, &wei, bias ? b : nil, &dst, strides, dil, padL, padR),
                                "convolution_backward_weights_desc_init \(g)")
        }
        backwardWeights = try DNNLPrimitive(opDesc: &bwdWeights, hint: forward, what: "conv backward weights \(g)")
        fwdSrc = try LayoutBridge(plain: plainSrc, kernel: forward.desc(dnnl_query_src_md))
        fwdWeights = try LayoutBridge(plain: plainWeights, kernel: forward.desc(dnnl_query_weights_md))
        fwdDst = try LayoutBridge(plain: plainDst, kernel: forward.desc(dnnl_query_dst_md))
        bdDiffDst = try LayoutBridge(plain: plainDst, kernel: backwardData.desc(dnnl_query_diff_dst_md))
        bdWeights = try LayoutBridge(plain: plainWeights, kernel: backwardData.desc(dnnl_query_weights_md))
        bdDiffSrc = try LayoutBridge(plain: plainSrc, kernel: backwardData.desc(dnnl_query_diff_src_md))
        bwSrc = try LayoutBridge(plain: plainSrc, kernel: backwardWeights.desc(dnnl_query_src_md))
        bwDiffDst = try LayoutBridge(plain: plainDst, kernel: backwardWeights.desc(dnnl_query_diff_dst_md))
        bwDiffWeights = try LayoutBridge(plain: plainWeights,
                                         kernel: backwardWeights.desc(dnnl_query_diff_weights_md))
    }
}
