import CDNNL

/// An inference-only convolution kernel with an activation fused as a oneDNN post-op.
final class FusedConvPlan: @unchecked Sendable {
    let geometry: ConvGeometry
    let primitive: DNNLPrimitive
    let src: LayoutBridge
    let weights: LayoutBridge
    let dst: LayoutBridge
    let bias: dnnl_memory_desc_t

    static func plan(_ g: ConvGeometry, activation: Nonlinearity?) throws -> FusedConvPlan {
        try PrimitiveCache.shared.value("fusedconv:\(g):\(activation?.rawValue ?? "-")") {
            try FusedConvPlan(g, activation: activation)
        }
    }

    private init(_ g: ConvGeometry, activation: Nonlinearity?) throws {
        geometry = g
        var s = DNNL.any(g.srcDims), d = DNNL.any(g.dstDims), w = DNNL.any(g.weightDims)
        var b = DNNL.plain([g.outChannels])
        bias = b
        var desc = dnnl_convolution_desc_t()
        try DNNLError.check(dnnl_dilated_convolution_forward_desc_init(
            &desc, dnnl_forward_training, dnnl_convolution_direct, &s, &w, &b, &d,
            DNNL.dims([g.stride, g.stride]), DNNL.dims([g.dilation - 1, g.dilation - 1]),
            DNNL.dims([g.padding, g.padding]), DNNL.dims([g.paddingEndH, g.paddingEndW])),
                            "fused convolution \(g)")
        var attr: OpaquePointer?
        try DNNLError.check(dnnl_primitive_attr_create(&attr), "primitive_attr_create")
        defer { dnnl_primitive_attr_destroy(attr) }
        if let act = activation {
            var ops: OpaquePointer?
            try DNNLError.check(dnnl_post_ops_create(&ops), "post_ops_create")
            defer { dnnl_post_ops_destroy(ops) }
            let k = act.kernel
            try DNNLError.check(dnnl_post_ops_append_eltwise(ops, 1, k.alg, k.alpha, k.beta), "post_ops_append_eltwise")
            try DNNLError.check(dnnl_primitive_attr_set_post_ops(attr, ops), "set_post_ops")
        }
        primitive = try DNNLPrimitive(opDesc: &desc, attr: attr, what: "fused conv \(g)")
        src = try LayoutBridge(plain: DNNL.plain(g.srcDims), kernel: primitive.desc(dnnl_query_src_md))
        weights = try LayoutBridge(plain: DNNL.plain(g.weightDims), kernel: primitive.desc(dnnl_query_weights_md))
        dst = try LayoutBridge(plain: DNNL.plain(g.dstDims), kernel: primitive.desc(dnnl_query_dst_md))
    }
}
