import CDNNL

/// A network compiled for one input shape: every kernel built once, weights in the kernels'
/// layouts, all intermediate values in one preallocated buffer whose regions are reused once a
/// value is no longer needed, one persistent oneDNN stream and one shared scratchpad. A call
/// copies the input in, runs the list of kernels and copies the output out.
///
/// A plan is not thread-safe: one call at a time (`InferenceModel` keeps one per batch size).
public final class InferencePlan {
    /// The `[n, c, h, w]` input it runs.
    public let inputDims: [Int]
    /// The `[n, c, h, w]` dims of its output.
    public let outputDims: [Int]
    /// The kernel threads it was built for and runs with.
    public let threads: Int
    /// The number of oneDNN kernels per call.
    public let kernelCount: Int
    /// The number of kernels that carry a folded batch norm, a fused activation or a fused sum.
    public let fusedKernelCount: Int
    /// Bytes of the buffer that holds every intermediate value.
    public let arenaBytes: Int
    /// One line per kernel: what it is and which oneDNN implementation runs it.
    public let kernelSummary: [String]

    private enum Step {
        case primitive(OpaquePointer, UnsafeMutablePointer<dnnl_exec_arg_t>, Int32)
        case zero(UnsafeMutableRawPointer, Int)
        case shift(UnsafePointer<Float>, UnsafeMutablePointer<Float>, planes: Int, h: Int, w: Int, rows: Int, cols: Int)
    }

    private let steps: [Step]
    private let stream: DNNLStream
    private let arena: UnsafeMutableRawPointer
    private let scratch: UnsafeMutableRawPointer
    private let inputPointer: UnsafeMutableRawPointer
    private let outputPointer: UnsafeMutableRawPointer
    private let retained: [AnyObject]
    private let argumentLists: [UnsafeMutablePointer<dnnl_exec_arg_t>]

    init(lowering: PlanLowering, inputDims: [Int], outputDims: [Int], threads: Int) throws {
        self.inputDims = inputDims
        self.outputDims = outputDims
        self.threads = threads
        let (offsets, total) = Self.placeBuffers(lowering)
        arenaBytes = total
        let base = UnsafeMutableRawPointer.allocate(byteCount: max(total, 64), alignment: 64)
        arena = base
        let scratchBytes = lowering.steps.reduce(0) { most, step in
            guard case .primitive(let p) = step.kind else { return most }
            return max(most, DNNL.byteSize(p.scratchpadDesc))
        }
        scratch = UnsafeMutableRawPointer.allocate(byteCount: max(scratchBytes, 64), alignment: 64)
        stream = try DNNLStream()
        let address = { (b: Int) in base + offsets[b] }
        inputPointer = address(0)
        outputPointer = address(lowering.outputBuffer)
        var steps: [Step] = [], retained: [AnyObject] = [], lists: [UnsafeMutablePointer<dnnl_exec_arg_t>] = []
        var summary: [String] = []
        for step in lowering.steps {
            switch step.kind {
            case .primitive(let p):
                var args: [dnnl_exec_arg_t] = []
                for a in step.args {
                    let memory: DNNLMemory
                    switch a.source {
                    case .buffer(let b): memory = try DNNLMemory(a.desc, address(b))
                    case .constant(let m): memory = m
                    }
                    retained.append(memory)
                    args.append(dnnl_exec_arg_t(arg: a.index, memory: memory.handle))
                }
                if DNNL.byteSize(p.scratchpadDesc) > 0 {
                    let memory = try DNNLMemory(p.scratchpadDesc, scratch)
                    retained.append(memory)
                    args.append(dnnl_exec_arg_t(arg: DNNL.Arg.scratchpad, memory: memory.handle))
                }
                let list = UnsafeMutablePointer<dnnl_exec_arg_t>.allocate(capacity: args.count)
                list.initialize(from: args, count: args.count)
                lists.append(list)
                retained.append(p)
                steps.append(.primitive(p.primitive, list, Int32(args.count)))
                summary.append(p.implementation)
            case .zero:
                guard case .buffer(let b) = step.args[0].source else { continue }
                steps.append(.zero(address(b), DNNL.byteSize(step.args[0].desc)))
                summary.append("zero fill")
            case .shift(let rows, let cols, let dims):
                guard case .buffer(let src) = step.args[0].source, case .buffer(let dst) = step.args[1].source else {
                    continue
                }
                steps.append(.shift(UnsafePointer(address(src).assumingMemoryBound(to: Float.self)),
                                    address(dst).assumingMemoryBound(to: Float.self), planes: dims[0] * dims[1],
                                    h: dims[2], w: dims[3], rows: rows, cols: cols))
                summary.append("shift")
            }
        }
        self.steps = steps
        self.retained = retained
        argumentLists = lists
        kernelCount = steps.count
        fusedKernelCount = lowering.fusedKernels
        kernelSummary = summary
    }

    deinit {
        for list in argumentLists { list.deallocate() }
        arena.deallocate()
        scratch.deallocate()
    }

    /// Gives each buffer an offset in one arena: buffers used during overlapping spans of the
    /// kernel list get disjoint regions; the others share (largest first, lowest free offset).
    private static func placeBuffers(_ lowering: PlanLowering) -> (offsets: [Int], total: Int) {
        let count = lowering.bufferBytes.count
        var first = [Int](repeating: Int.max, count: count), last = [Int](repeating: -1, count: count)
        first[0] = -1  // the input is written before the first kernel
        for (i, step) in lowering.steps.enumerated() {
            for a in step.args {
                guard case .buffer(let b) = a.source else { continue }
                first[b] = min(first[b], i)
                last[b] = max(last[b], i)
            }
        }
        last[lowering.outputBuffer] = Int.max  // read after the last kernel
        let size = lowering.bufferBytes.map { ($0 + 63) / 64 * 64 }
        var offsets = [Int](repeating: 0, count: count)
        var placed: [Int] = []
        var total = 0
        for b in (0..<count).sorted(by: { size[$0] > size[$1] }) {
            let overlapping = placed.filter { first[$0] <= last[b] && first[b] <= last[$0] }
                .map { (offsets[$0], offsets[$0] + size[$0]) }.sorted { $0.0 < $1.0 }
            var offset = 0
            for (start, end) in overlapping {
                if offset + size[b] <= start { break }
                offset = max(offset, end)
            }
            offsets[b] = offset
            placed.append(b)
            total = max(total, offset + size[b])
        }
        return (offsets, total)
    }

    /// Runs the plan on a plain or blocked `[n, c, h, w]` batch of exactly `inputDims`; returns
    /// the output as `[n, c·h·w]`.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        guard x.shape == inputDims else {
            throw InferenceGraphError("this inference plan runs inputs of shape \(inputDims), not \(x.shape)")
        }
        let plain = try x.plain()
        inputPointer.copyMemory(from: plain.storage.pointer, byteCount: x.count * 4)
        try execute()
        let features = outputDims[1] * outputDims[2] * outputDims[3]
        let out = Tensor(uninitialized: [outputDims[0], features])
        out.storage.raw.copyMemory(from: outputPointer, byteCount: out.count * 4)
        return out
    }

    /// Runs every kernel once on the input already in place.
    private func execute() throws {
        let previous = ComputeThreads.current
        if previous != threads { ComputeThreads.apply(threads) }
        defer { if previous != threads { ComputeThreads.apply(previous) } }
        for step in steps {
            switch step {
            case .primitive(let p, let args, let n):
                try DNNLError.check(dnnl_primitive_execute(p, stream.handle, n, args), "primitive_execute")
            case .zero(let p, let bytes):
                p.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
            case .shift(let src, let dst, let planes, let h, let w, let rows, let cols):
                Self.shift(src, dst, planes: planes, h: h, w: w, rows: rows, cols: cols)
            }
        }
        try stream.wait()
    }

    /// Each plane's pixels moved up-left by (rows, cols), zeros where nothing moved in.
    private static func shift(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, planes: Int, h: Int,
                              w: Int, rows: Int, cols: Int) {
        dst.update(repeating: 0, count: planes * h * w)
        guard rows < h, cols < w else { return }
        for p in 0..<planes {
            let base = p * h * w
            for y in 0..<(h - rows) {
                for x in 0..<(w - cols) { dst[base + y * w + x] = src[base + (y + rows) * w + x + cols] }
            }
        }
    }
}

extension InferenceGraph {
    /// Compiles the graph into a plan that computes `output`, with kernels built for `threads`
    /// threads (`nil`: the calling thread's current setting).
    public func compile(output: Value, threads: Int? = nil) throws -> InferencePlan {
        let count = threads ?? ComputeThreads.current
        let previous = ComputeThreads.current
        if previous != count { ComputeThreads.apply(count) }
        defer { if previous != count { ComputeThreads.apply(previous) } }
        let (graph, out) = optimized(output: output.id)
        let lowering = PlanLowering(graph, output: out)
        try lowering.lower()
        return try InferencePlan(lowering: lowering, inputDims: nodes[0].dims, outputDims: nodes[output.id].dims,
                                 threads: count)
    }
}
