import CDNNL

/// oneDNN's own kernels for one convolution shape with nothing of naslab around them: the
/// machine's reference speed for benchmarks.
///
/// Forward, backward-data and backward-weights are built as for training (the layouts the
/// library picks), on buffers, memory objects, scratchpads and a stream made once; `run()`
/// executes the three kernels and nothing else.
public final class StandaloneConvolution {
    /// The shape.
    public let geometry: ConvGeometry
    private let plan: ConvPlan
    private let stream: DNNLStream
    /// Memory objects (and the buffers they own) of every argument, kept for the object's life.
    private let memories: [DNNLMemory]
    private let calls: [(OpaquePointer, [dnnl_exec_arg_t])]

    /// Floating-point operations of one `run()` (forward and both backwards, 2 per multiply-add).
    public var flops: Double { 6 * Double(geometry.macs) }

    /// Builds the kernels and their buffers for `geometry`.
    public init(_ geometry: ConvGeometry) throws {
        self.geometry = geometry
        plan = try ConvPlan.plan(geometry, bias: false)
        stream = try DNNLStream()
        var kept: [DNNLMemory] = []
        func made(_ md: dnnl_memory_desc_t) throws -> OpaquePointer {
            let m = try DNNLMemory(allocating: md)
            m.pointer.initializeMemory(as: UInt8.self, repeating: 0, count: DNNL.byteSize(md))
            kept.append(m)
            return m.handle
        }
        func call(_ p: DNNLPrimitive, _ args: [(Int32, dnnl_memory_desc_t)]) throws -> (OpaquePointer, [dnnl_exec_arg_t]) {
            var all = try args.map { dnnl_exec_arg_t(arg: $0.0, memory: try made($0.1)) }
            if DNNL.byteSize(p.scratchpadDesc) > 0 {
                all.append(dnnl_exec_arg_t(arg: DNNL.Arg.scratchpad, memory: try made(p.scratchpadDesc)))
            }
            return (p.primitive, all)
        }
        let p = plan
        calls = [
            try call(p.forward, [(DNNL.Arg.src, p.fwdSrc.kernel), (DNNL.Arg.weights, p.fwdWeights.kernel),
                                 (DNNL.Arg.dst, p.fwdDst.kernel)]),
            try call(p.backwardData, [(DNNL.Arg.diffDst, p.bdDiffDst.kernel), (DNNL.Arg.weights, p.bdWeights.kernel),
                                      (DNNL.Arg.diffSrc, p.bdDiffSrc.kernel)]),
            try call(p.backwardWeights, [(DNNL.Arg.src, p.bwSrc.kernel), (DNNL.Arg.diffDst, p.bwDiffDst.kernel),
                                         (DNNL.Arg.diffWeights, p.bwDiffWeights.kernel)]),
        ]
        memories = kept
    }

    /// The implementations oneDNN chose for forward, backward-data and backward-weights.
    public var implementations: [String] {
        [plan.forward.implementation, plan.backwardData.implementation, plan.backwardWeights.implementation]
    }

    /// Runs forward, backward-data and backward-weights once and waits for them.
    public func run() throws {
        for (primitive, args) in calls {
            try DNNLError.check(dnnl_primitive_execute(primitive, stream.handle, Int32(args.count), args),
                                "primitive_execute")
        }
        try stream.wait()
        withExtendedLifetime(memories) {}
    }
}
