extension InferenceGraph {
    /// Compiles the graph into a plan that computes `output`, with kernels built for `threads`
    /// threads (`nil`: the calling thread's current setting).
    ///
    /// With `lanes: 2` the kernels (built for one thread each) are split between the calling
    /// thread and a helper thread where the graph has independent branches. With `winograd`,
    /// 3×3 convolutions of stride 1 use oneDNN's Winograd kernel where it has one (fewer
    /// multiplications; it also moves the network to the blocked layout that kernel wants).
    /// With `splitConvolutions` (and two lanes), each wide convolution of a batch of one runs as
    /// two kernels on half of its output channels each, which the two lanes run side by side.
    public func compile(output: Value, threads: Int? = nil, lanes: Int = 1, winograd: Bool = false,
                        splitConvolutions: Bool = false) throws -> InferencePlan {
        let count = lanes > 1 ? 1 : threads ?? ComputeThreads.current
        let previous = ComputeThreads.current
        if previous != count { ComputeThreads.apply(count) }
        defer { if previous != count { ComputeThreads.apply(previous) } }
        let (graph, out) = optimized(output: output.id)
        let lowering = PlanLowering(graph, output: out, winograd: winograd,
                                    splitConvolutions: splitConvolutions && lanes > 1)
        try lowering.lower()
        return try InferencePlan(lowering: lowering, inputDims: nodes[0].dims, outputDims: nodes[output.id].dims,
                                 threads: count, lanes: lanes)
    }
}
