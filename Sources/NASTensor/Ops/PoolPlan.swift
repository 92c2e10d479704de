import CDNNL

/// The kind of pooling window.
public enum PoolKind: String, Sendable, Hashable {
    /// The largest value in the window.
    case max
    /// Average that counts padded zeros in the divisor.
    case averageIncludingPadding
    /// Average over the valid inputs only.
    case averageExcludingPadding

    var algorithm: dnnl_alg_kind_t {
        switch self {
        case .max: return dnnl_pooling_max
        case .averageIncludingPadding: return dnnl_pooling_avg_include_padding
        case .averageExcludingPadding: return dnnl_pooling_avg_exclude_padding
        }
    }
}

/// The compiled oneDNN pooling kernels for one shape and input layout (forward with
/// workspace, and backward).
///
/// A blocked input (`nChw16c`) is pooled in its layout and the output keeps the kernel's
/// blocked layout, so a convolution → pooling → convolution chain never goes through plain
/// NCHW (oneDNN's plain-layout pooling is also its slow reference path).
final class PoolPlan: @unchecked Sendable {
    let forward: DNNLPrimitive
    let backward: DNNLPrimitive
    let src: dnnl_memory_desc_t
    let dst: dnnl_memory_desc_t
    let workspace: dnnl_memory_desc_t?
    /// Whether the output is in a blocked layout (the input was).
    let blockedOutput: Bool

    static func plan(_ kind: PoolKind, _ g: ConvGeometry, source: dnnl_memory_desc_t?) throws -> PoolPlan {
        let layoutKey = source.map { String(Reorder.fingerprint($0)) } ?? "plain"
        return try PrimitiveCache.shared.value("pool:\(kind):\(g):\(layoutKey)") { try PoolPlan(kind, g, source: source) }
    }

    private init(_ kind: PoolKind, _ g: ConvGeometry, source: dnnl_memory_desc_t?) throws {
        var s = source ?? DNNL.plain(g.srcDims), d = source == nil ? DNNL.plain(g.dstDims) : DNNL.any(g.dstDims)
        let strides = DNNL.dims([g.stride, g.stride]), kernel = DNNL.dims([g.kernel, g.kernel])
        let dil = DNNL.dims([0, 0])
        let padL = DNNL.dims([g.padding, g.padding]), padR = DNNL.dims([g.paddingEndH, g.paddingEndW])
        var fwd = dnnl_pooling_v2_desc_t()
        try DNNLError.check(dnnl_pooling_v2_forward_desc_init(&fwd, dnnl_forward_training, kind.algorithm, &s, &d,
                                                              strides, kernel, dil, padL, padR),
                            "pooling_forward \(kind) \(g)")
        forward = try DNNLPrimitive(opDesc: &fwd, what: "pooling \(g)")
        src = s
        dst = forward.desc(dnnl_query_dst_md)
        blockedOutput = !DNNL.same(dst, DNNL.plain(g.dstDims))
        d = dst
        var bwd = dnnl_pooling_v2_desc_t()
        try DNNLError.check(dnnl_pooling_v2_backward_desc_init(&bwd, kind.algorithm, &s, &d, strides, kernel, dil,
                                                               padL, padR), "pooling_backward \(kind) \(g)")
        backward = try DNNLPrimitive(opDesc: &bwd, hint: forward, what: "pooling backward \(g)")
        let ws = forward.desc(dnnl_query_workspace_md)
        workspace = DNNL.byteSize(ws) > 0 ? ws : nil
    }
}

extension Tensor {
    /// Max or average pooling with a square window.
    ///
    /// A blocked input is pooled in its layout and gives a blocked output.
    public func pool(_ kind: PoolKind, kernel: Int, stride: Int, padding: Int = 0) throws -> Tensor {
        let g = ConvGeometry(batch: batch, inChannels: channels, outChannels: channels, height: height,
                             width: width, kernel: kernel, stride: stride, padding: padding)
        let plan = try PoolPlan.plan(kind, g, source: layout)
        let out = plan.blockedOutput ? Tensor(shape: g.dstDims, blocked: plan.dst) : Tensor(uninitialized: g.dstDims)
        let workspace = try plan.workspace.map { try DNNLMemory(allocating: $0) }
        var args: [(Int32, DNNLMemory)] = [(DNNL.Arg.src, try DNNLMemory(plan.src, storage.raw)),
                                           (DNNL.Arg.dst, try DNNLMemory(plan.dst, out.storage.raw))]
        if let ws = workspace { args.append((DNNL.Arg.workspace, ws)) }
        try plan.forward.execute(args)
        // Backward needs only the output gradient (and max pooling's workspace), not the input.
        return out.record([self], reads: []) { out in
            try self.accumulateGrad { gradIn in
                var back: [(Int32, DNNLMemory)] = [
                    (DNNL.Arg.diffDst, try DNNLMemory(plan.dst, out.grad!.raw)),
                    (DNNL.Arg.diffSrc, try DNNLMemory(plan.src, UnsafeMutableRawPointer(gradIn))),
                ]
                if let ws = workspace { back.append((DNNL.Arg.workspace, ws)) }
                try plan.backward.execute(back)
            }
        }
    }

    /// Max pooling.
    public func maxPool(kernel: Int, stride: Int, padding: Int = 0) throws -> Tensor {
        try pool(.max, kernel: kernel, stride: stride, padding: padding)
    }

    /// Average pooling; `countIncludePad: false` divides by the number of valid inputs.
    public func avgPool(kernel: Int, stride: Int, padding: Int = 0, countIncludePad: Bool = false) throws -> Tensor {
        try pool(countIncludePad ? .averageIncludingPadding : .averageExcludingPadding,
                 kernel: kernel, stride: stride, padding: padding)
    }

    /// Global average pooling to `[n, c, 1, 1]`.
    ///
    /// A blocked square input is pooled by oneDNN in its layout (one window over the whole
    /// plane); other inputs in Swift on the plain layout.
    public func globalAvgPool() throws -> Tensor {
        if !isPlain {
            guard height == width else { return try plain().globalAvgPool() }
            return try pool(.averageIncludingPadding, kernel: height, stride: height)
        }
        let n = batch, c = channels, plane = height * width
        let out = Tensor(zeros: [n, c, 1, 1])
        let scale = 1 / Float(plane)
        for i in 0..<(n * c) {
            var sum: Float = 0
            let p = data + i * plane
            for j in 0..<plane { sum += p[j] }
            out.data[i] = sum * scale
        }
        return out.record([self], reads: []) { out in
            self.accumulateGrad { gradIn in
                let g = out.grad!.pointer
                for i in 0..<(n * c) {
                    let v = g[i] * scale
                    (gradIn + i * plane).update(repeating: v, count: plane)
                }
            }
        }
    }
}
