/// A convolution prepared for inference: batch norm folded into its weights and bias, and the
/// following activation fused into the kernel (a oneDNN post-op), so one kernel does all three.
///
/// Folding: with `s = γ / √(σ² + ε)` per output channel, `W' = s·W` and `b' = s·(b − μ) + β`.
/// The folded weights are reordered into the kernel's preferred layout once per batch size.
public final class FusedConv2d {
    /// Folded weights `[out, in / groups, k, k]` and bias `[out]`.
    public let weight: Tensor, bias: Tensor
    /// Stride, padding, dilation and groups.
    public let stride: Int, padding: Int, dilation: Int, groups: Int
    /// The fused activation, if any.
    public let activation: Nonlinearity?
    private var prepared: [Int: (FusedConvPlan, DNNLMemory)] = [:]

    /// Folds an optional batch norm (scale, shift, running mean, running variance, ε) into a convolution.
    public init(weight: Tensor, bias: Tensor?, batchNorm: (scale: Tensor, shift: Tensor, mean: Tensor, variance: Tensor,
                                                           epsilon: Float)?,
                activation: Nonlinearity?, stride: Int, padding: Int, dilation: Int, groups: Int) {
        let out = weight.shape[0], perOut = weight.count / out
        let w = Tensor(zeros: weight.shape), b = Tensor(zeros: [out])
        for o in 0..<out {
            var s: Float = 1, shift: Float = 0, mean: Float = 0
            if let bn = batchNorm {
                s = bn.scale.data[o] / (bn.variance.data[o] + bn.epsilon).squareRoot()
                shift = bn.shift.data[o]
                mean = bn.mean.data[o]
            }
            for i in 0..<perOut { w.data[o * perOut + i] = weight.data[o * perOut + i] * s }
            b.data[o] = s * ((bias?.data[o] ?? 0) - mean) + shift
        }
        self.weight = w
        self.bias = b
        self.activation = activation
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.groups = groups
    }

    /// Runs the fused kernel on an NCHW batch (plain or blocked); with `keepLayout` the output
    /// stays in the kernel's blocked layout for a layout-aware reader.
    public func callAsFunction(_ x: Tensor, keepLayout: Bool = false) throws -> Tensor {
        let (plan, weights) = try prepare(x)
        let keep = keepLayout && !plan.dst.isIdentity
        let dims = plan.geometry.dstDims
        let out = keep ? Tensor(shape: dims, blocked: plan.dst.kernel) : Tensor(uninitialized: dims)
        let src = try Reorder.memory(x.storage.raw, have: x.memoryDesc, want: plan.src.kernel)
        let (dst, finish) = try Reorder.output(out.storage.raw, target: out.memoryDesc, kernel: plan.dst.kernel)
        try plan.primitive.execute([(DNNL.Arg.src, src), (DNNL.Arg.weights, weights),
                                    (DNNL.Arg.bias, try DNNLMemory(plan.bias, bias.storage.raw)), (DNNL.Arg.dst, dst)])
        try finish()
        return out
    }

    /// The kernel for this batch size and the weights already in its layout.
    private func prepare(_ x: Tensor) throws -> (FusedConvPlan, DNNLMemory) {
        if let hit = prepared[x.batch], hit.0.geometry.height == x.height, hit.0.geometry.width == x.width { return hit }
        let g = ConvGeometry(batch: x.batch, inChannels: x.channels, outChannels: weight.shape[0], height: x.height,
                             width: x.width, kernel: weight.shape[2], stride: stride, padding: padding,
                             dilation: dilation, groups: groups)
        let plan = try FusedConvPlan.plan(g, activation: activation)
        let staged = try plan.weights.input(weight.storage.raw)
        let owned = try DNNLMemory(allocating: plan.weights.kernel)
        owned.pointer.copyMemory(from: staged.pointer, byteCount: DNNL.byteSize(plan.weights.kernel))
        prepared[x.batch] = (plan, owned)
        return (plan, owned)
    }
}
