import CDNNL

/// Turns an optimised inference graph into kernels over numbered buffers: each node becomes
/// one oneDNN primitive (or a tiny kernel of naslab's own), values stay in the layouts their
/// kernels chose, and a reorder is inserted only where a reader wants another layout.
///
/// Residual sums: the term of a sum whose storage is no longer needed after it (the
/// "accumulator") holds the result, and every convolution term computed after it, read only
/// by the sum, adds itself into that storage with oneDNN's `sum` post-op; the other terms are
/// added in place by binary kernels.
final class PlanLowering {
    /// A kernel argument: where its memory lives and in which layout.
    struct Arg {
        enum Source {
            case buffer(Int)
            case constant(DNNLMemory)
        }

        let index: Int32
        let source: Source
        let desc: dnnl_memory_desc_t
        let writes: Bool
        /// Whether the argument is a part of its buffer (one half of a split convolution's output),
        /// as long as its `desc`: the lanes' dependencies then count only those bytes.
        var partial = false
        /// Bytes into its buffer where the argument starts.
        var offset = 0
    }

    /// One kernel of the plan before buffers have addresses.
    struct Step {
        enum Kind {
            case primitive(DNNLPrimitive)
            case zero
            case shift(rows: Int, cols: Int, dims: [Int])
        }

        let kind: Kind
        let args: [Arg]
        /// Multiply-adds, for the estimate of its cost (0 for kernels without any).
        var macs = 0
    }

    private let graph: [InferenceGraph.Node?]
    private let output: Int
    private let winograd: Bool
    /// Whether wide convolutions are split into two halves of their output channels (see `lowerSplitConv`).
    private let splitConvolutions: Bool
    private(set) var steps: [Step] = []
    /// Bytes of each buffer; buffer 0 is the input.
    private(set) var bufferBytes: [Int] = []
    /// Each value's buffer and layout.
    private var buffer: [Int: Int] = [:]
    private(set) var layout: [Int: dnnl_memory_desc_t] = [:]
    /// Converted copies of values already made for readers wanting another layout.
    private var converted: [String: Int] = [:]
    private let lastReader: [Int]
    private let readerIDs: [[Int]]
    /// For each fused convolution, the sum whose accumulator it adds into.
    private var accumulateInto: [Int: Int] = [:]
    /// For each sum with an accumulator: the accumulator and the terms left to add.
    private var sumPlan: [Int: (accumulator: Int, rest: [Int])] = [:]
    /// Sums whose activation the last convolution adding into them applied (a post-op after its sum).
    private var activatedSums: Set<Int> = []
    /// The buffer holding the final output in plain layout.
    private(set) var outputBuffer = -1
    /// The number of oneDNN kernels that carry a fused batch norm, activation or sum.
    private(set) var fusedKernels = 0
    /// The number of Winograd convolutions.
    private(set) var winogradKernels = 0
    /// The number of convolutions split in two halves of their output channels.
    private(set) var splitConvolutionCount = 0

    init(_ graph: [InferenceGraph.Node?], output: Int, winograd: Bool, splitConvolutions: Bool = false) {
        self.graph = graph
        self.output = output
        self.winograd = winograd
        self.splitConvolutions = splitConvolutions
        var readers = [[Int]](repeating: [], count: graph.count)
        for (id, node) in graph.enumerated() { for i in node?.inputs ?? [] { readers[i].append(id) } }
        readerIDs = readers
        lastReader = readers.enumerated().map { i, r in i == output ? Int.max : (r.max() ?? -1) }
        planSums()
    }

    // MARK: Residual sums

    private func planSums() {
        for (id, node) in graph.enumerated() {
            guard let node, case .add = node.op else { continue }
            let terms = node.inputs
            let candidates = terms.filter { t in
                t != 0 && lastReader[t] == id && terms.filter { $0 == t }.count == 1
            }
            guard let acc = candidates.min() else { continue }
            var rest: [Int] = []
            for t in terms where t != acc {
                if canAccumulate(t, into: acc, sum: id) { accumulateInto[t] = id } else { rest.append(t) }
            }
            sumPlan[id] = (acc, rest)
        }
    }

    /// Whether convolution `t` can add itself into the accumulator `acc` of sum `sum`: it runs
    /// after the accumulator is complete and after everything else that reads it.
    private func canAccumulate(_ t: Int, into acc: Int, sum: Int) -> Bool {
        guard t > acc, let node = graph[t], case .conv = node.op, readerIDs[t] == [sum], t != output else { return false }
        return readerIDs[acc].allSatisfy { $0 == sum || $0 < t }
    }

    // MARK: Buffers and layouts

    private func newBuffer(_ desc: dnnl_memory_desc_t) -> Int {
        bufferBytes.append(max(DNNL.byteSize(desc), 4))
        return bufferBytes.count - 1
    }

    private func define(_ id: Int, buffer b: Int, desc: dnnl_memory_desc_t) {
        buffer[id] = b
        layout[id] = desc
        let bytes = max(DNNL.byteSize(desc), 4)
        if bufferBytes[b] < bytes { bufferBytes[b] = bytes }
    }

    /// The buffer holding value `id` in layout `want`, converting it (once) when needed.
    private func read(_ id: Int, as want: dnnl_memory_desc_t) throws -> Int {
        let have = layout[id]!
        if DNNL.same(have, want) { return buffer[id]! }
        let key = "\(id):\(Reorder.fingerprint(want))"
        if let b = converted[key] { return b }
        let b = newBuffer(want)
        let reorder = try DNNLPrimitive(reorderFrom: have, to: want)
        steps.append(Step(kind: .primitive(reorder), args: [
            Arg(index: DNNL.Arg.src, source: .buffer(buffer[id]!), desc: have, writes: false),
            Arg(index: DNNL.Arg.dst, source: .buffer(b), desc: want, writes: true),
        ]))
        converted[key] = b
        return b
    }

    /// Whether node `id` may overwrite its input `x` (no later reader needs it).
    private func mayOverwrite(_ x: Int, at id: Int) -> Bool {
        x != 0 && lastReader[x] == id && graph[id]!.inputs.filter({ $0 == x }).count == 1
    }

    private func constant(_ values: [Float], plain dims: [Int], as desc: dnnl_memory_desc_t) throws -> DNNLMemory {
        let memory = try DNNLMemory(allocating: desc)
        try values.withUnsafeBufferPointer { src in
            let staged = UnsafeMutableRawPointer(mutating: src.baseAddress!)
            try Reorder.copy(staged, from: DNNL.plain(dims), memory.pointer, to: desc)
        }
        return memory
    }

    /// Post-ops: `activation`, then `sum` (add to the destination's values), then `then`.
    private func attributes(activation: Nonlinearity?, sum: Bool, then: Nonlinearity? = nil) throws -> OpaquePointer? {
        var attr: OpaquePointer?
        try DNNLError.check(dnnl_primitive_attr_create(&attr), "primitive_attr_create")
        guard activation != nil || sum || then != nil else { return attr }
        var ops: OpaquePointer?
        try DNNLError.check(dnnl_post_ops_create(&ops), "post_ops_create")
        defer { dnnl_post_ops_destroy(ops) }
        if let act = activation {
            let k = act.kernel
            try DNNLError.check(dnnl_post_ops_append_eltwise(ops, 1, k.alg, k.alpha, k.beta), "post_ops_append_eltwise")
        }
        if sum { try DNNLError.check(dnnl_post_ops_append_sum(ops, 1), "post_ops_append_sum") }
        if let act = then {
            let k = act.kernel
            try DNNLError.check(dnnl_post_ops_append_eltwise(ops, 1, k.alg, k.alpha, k.beta), "post_ops_append_eltwise")
        }
        try DNNLError.check(dnnl_primitive_attr_set_post_ops(attr, ops), "set_post_ops")
        return attr
    }

    // MARK: Lowering

    /// Lowers every node in order, then converts the output to plain layout if it is not.
    func lower() throws {
        let input = graph[0]!.dims
        define(0, buffer: newBuffer(DNNL.plain(input)), desc: DNNL.plain(input))
        for (id, node) in graph.enumerated() where id > 0 {
            guard let node else { continue }
            try lower(id, node)
        }
        let dims = graph[output]!.dims
        let plain = DNNL.plain(dims)
        if output != 0 && DNNL.same(layout[output]!, plain) {  // already plain (a linear layer's output)
            outputBuffer = buffer[output]!
            return
        }
        outputBuffer = newBuffer(plain)
        let reorder = try DNNLPrimitive(reorderFrom: layout[output]!, to: plain)
        steps.append(Step(kind: .primitive(reorder), args: [
            Arg(index: DNNL.Arg.src, source: .buffer(buffer[output]!), desc: layout[output]!, writes: false),
            Arg(index: DNNL.Arg.dst, source: .buffer(outputBuffer), desc: plain, writes: true),
        ]))
    }

    private func lower(_ id: Int, _ node: InferenceGraph.Node) throws {
        switch node.op {
        case .input: break
        case .conv(let w, let shape, let bias, let stride, let padding, let dilation, let groups):
            let g = ConvGeometry(batch: node.dims[0], inChannels: graph[node.inputs[0]]!.dims[1], outChannels: shape[0],
                                 height: graph[node.inputs[0]]!.dims[2], width: graph[node.inputs[0]]!.dims[3],
                                 kernel: shape[2], stride: stride, padding: padding, dilation: dilation, groups: groups)
            try lowerConv(id, node, g, weight: w, bias: bias)
        case .linear(let w, let bias): try lowerLinear(id, node, weight: w, bias: bias)
        case .batchNorm(let scale, let shift, let mean, let variance, let eps):
            try lowerBatchNorm(id, node, [scale, shift, mean, variance], epsilon: eps)
        case .activation(let act): try lowerActivation(id, x: node.inputs[0], act)
        case .pool(let kind, let kh, let kw, let stride, let padding):
            try lowerPool(id, node, kind, kernel: [kh, kw], stride: stride, padding: padding)
        case .add: try lowerSum(id, node)
        case .mul: try lowerMul(id, node)
        case .concat: try lowerConcat(id, node)
        case .slice(let start, let count): try lowerSlice(id, node, start: start, count: count)
        case .shift(let rows, let cols):
            let plain = DNNL.plain(node.dims)
            let src = try read(node.inputs[0], as: plain)
            let dst = newBuffer(plain)
            steps.append(Step(kind: .shift(rows: rows, cols: cols, dims: node.dims), args: [
                Arg(index: DNNL.Arg.src, source: .buffer(src), desc: plain, writes: false),
                Arg(index: DNNL.Arg.dst, source: .buffer(dst), desc: plain, writes: true),
            ]))
            define(id, buffer: dst, desc: plain)
        case .zeros:
            let desc = layoutOfAnother(with: node.dims) ?? DNNL.plain(node.dims)
            let dst = newBuffer(desc)
            steps.append(Step(kind: .zero, args: [Arg(index: DNNL.Arg.dst, source: .buffer(dst), desc: desc, writes: true)]))
            define(id, buffer: dst, desc: desc)
        }
    }

    /// The layout of the latest value already lowered with `dims`, for a value of no producer
    /// (zeros) to match its neighbours. A plain zero tensor would carry its plain layout into the
    /// sums and kernels after it, and oneDNN's convolutions into plain activations are its
    /// GEMM-based ones: an NB201 cell whose node 1 has no edge in ran 3.5× slower (4.2 ms against
    /// 1.2 ms at one thread, every convolution of the cells after it `gemm:jit`).
    private func layoutOfAnother(with dims: [Int]) -> dnnl_memory_desc_t? {
        layout.keys.sorted(by: >).first { graph[$0]?.dims == dims }.flatMap { layout[$0] }
    }

    private func lowerConv(_ id: Int, _ node: InferenceGraph.Node, _ g: ConvGeometry, weight: [Float],
                           bias: [Float]?) throws {
        let sum = accumulateInto[id]
        let target = sum.map { sumPlan[$0]!.accumulator }
        let then = sum.flatMap { finishesSum($0, at: id) ? graph[$0]!.activation : nil }
        var primitive: DNNLPrimitive
        do {
            primitive = try convPrimitive(g, activation: node.activation, into: target.map { layout[$0]! }, then: then)
            // oneDNN's reference kernel is the only one for some layouts it is told to write (a
            // grouped convolution with 12 channels per group into a 16-channel-blocked sum): it runs
            // 10-100× slower than computing the term on its own and adding it.
            if target != nil && primitive.implementation.hasPrefix("ref") { throw PlanLoweringFallback.referenceKernel }
            if then != nil { activatedSums.insert(sum!) }
        } catch where target != nil {
            // The kernel cannot accumulate into that layout (or only slowly): compute the term, add it in place.
            accumulateInto[id] = nil
            sumPlan[sum!]!.rest.append(id)
            primitive = try convPrimitive(g, activation: node.activation, into: nil, then: nil)
        }
        let src = primitive.desc(dnnl_query_src_md), dst = primitive.desc(dnnl_query_dst_md)
        if splitConvolutions && target == nil && !winograd && isWorthSplitting(g) {
            if try lowerSplitConv(id, node, g, weight: weight, bias: bias) { return }
        }
        let w = try constant(weight, plain: g.weightDims, as: primitive.desc(dnnl_query_weights_md))
        let b = try constant(bias ?? [Float](repeating: 0, count: g.outChannels), plain: [g.outChannels],
                             as: DNNL.plain([g.outChannels]))
        let input = try read(node.inputs[0], as: src)
        let out = accumulateInto[id].map { buffer[sumPlan[$0]!.accumulator]! } ?? newBuffer(dst)
        let macs = g.dstDims.reduce(1, *) * g.inChannels / g.groups * g.kernel * g.kernel
        steps.append(Step(kind: .primitive(primitive), args: [
            Arg(index: DNNL.Arg.src, source: .buffer(input), desc: src, writes: false),
            Arg(index: DNNL.Arg.weights, source: .constant(w), desc: w.desc, writes: false),
            Arg(index: DNNL.Arg.bias, source: .constant(b), desc: b.desc, writes: false),
            Arg(index: DNNL.Arg.dst, source: .buffer(out), desc: dst, writes: true),
        ], macs: macs))
        if accumulateInto[id] == nil { define(id, buffer: out, desc: dst) }
        fusedKernels += 1
    }

    /// The fewest multiply-adds of a convolution worth splitting between the two lanes.
    static let splitMinimumMACs = 150_000

    /// Lowers a wide convolution of a batch of one as two kernels, each computing half of the
    /// output channels into its half of one `nChw16c` buffer (contiguous halves, since the
    /// channel blocks of one image follow each other), so that a two-lane plan runs the halves
    /// side by side: a convolution chain without parallel branches then uses both threads
    /// without an OpenMP team. Returns false (lowering nothing) where the split does not apply.
    private func lowerSplitConv(_ id: Int, _ node: InferenceGraph.Node, _ g: ConvGeometry, weight: [Float],
                                bias: [Float]?) throws -> Bool {
        let macs = g.dstDims.reduce(1, *) * g.inChannels / g.groups * g.kernel * g.kernel
        var half = g
        half.outChannels = g.outChannels / 2
        let halfDst = DNNL.memoryDesc(half.dstDims, tag: dnnl_nChw16c)
        // The kernel chooses the input's layout to go with the blocked output (brgconv's choice
        // for the whole convolution, nhwc, would leave only oneDNN's reference kernel).
        guard let primitive = try? halfConvPrimitive(half, dst: halfDst, activation: node.activation) else {
            return false
        }
        guard !primitive.implementation.hasPrefix("ref") else { return false }
        let src = primitive.desc(dnnl_query_src_md)
        let input = try read(node.inputs[0], as: src)
        let out = newBuffer(DNNL.memoryDesc(g.dstDims, tag: dnnl_nChw16c))
        let perFilter = weight.count / g.outChannels
        let biases = bias ?? [Float](repeating: 0, count: g.outChannels)
        for part in 0..<2 {
            let filters = (part * half.outChannels)..<((part + 1) * half.outChannels)
            let w = try constant(Array(weight[(filters.lowerBound * perFilter)..<(filters.upperBound * perFilter)]),
                                 plain: half.weightDims, as: primitive.desc(dnnl_query_weights_md))
            let b = try constant(Array(biases[filters]), plain: [half.outChannels], as: DNNL.plain([half.outChannels]))
            steps.append(Step(kind: .primitive(primitive), args: [
                Arg(index: DNNL.Arg.src, source: .buffer(input), desc: src, writes: false),
                Arg(index: DNNL.Arg.weights, source: .constant(w), desc: w.desc, writes: false),
                Arg(index: DNNL.Arg.bias, source: .constant(b), desc: b.desc, writes: false),
                Arg(index: DNNL.Arg.dst, source: .buffer(out), desc: halfDst, writes: true, partial: true,
                    offset: part * DNNL.byteSize(halfDst)),
            ], macs: macs / 2))
        }
        define(id, buffer: out, desc: DNNL.memoryDesc(g.dstDims, tag: dnnl_nChw16c))
        fusedKernels += 2
        splitConvolutionCount += 1
        return true
    }

    /// Whether a convolution is one the two-lane plan halves: a batch of one, not grouped, output
    /// channels in two halves of whole 16-channel blocks, enough work to pay for the handoff.
    private func isWorthSplitting(_ g: ConvGeometry) -> Bool {
        let macs = g.dstDims.reduce(1, *) * g.inChannels / g.groups * g.kernel * g.kernel
        return g.batch == 1 && g.groups == 1 && g.outChannels % 32 == 0 && macs >= Self.splitMinimumMACs
    }

    /// A forward direct convolution writing `dst` in the given layout, with `activation` fused.
    private func halfConvPrimitive(_ g: ConvGeometry, dst: dnnl_memory_desc_t,
                                   activation: Nonlinearity?) throws -> DNNLPrimitive {
        var s = DNNL.any(g.srcDims), w = DNNL.any(g.weightDims), d = dst
        var b = DNNL.plain([g.outChannels])
        var desc = dnnl_convolution_desc_t()
        try DNNLError.check(dnnl_dilated_convolution_forward_desc_init(
            &desc, dnnl_forward_inference, dnnl_convolution_direct, &s, &w, &b, &d,
            DNNL.dims([g.stride, g.stride]), DNNL.dims([g.dilation - 1, g.dilation - 1]),
            DNNL.dims([g.padding, g.padding]), DNNL.dims([g.paddingEndH, g.paddingEndW])), "convolution \(g)")
        let attr = try attributes(activation: activation, sum: false)
        defer { dnnl_primitive_attr_destroy(attr) }
        return try DNNLPrimitive(opDesc: &desc, attr: attr, what: "inference half conv \(g)")
    }

    /// Whether convolution `id` is the last kernel that writes sum `sum` (no term left to add).
    private func finishesSum(_ sum: Int, at id: Int) -> Bool {
        sumPlan[sum]!.rest.isEmpty && accumulateInto.filter({ $0.value == sum }).keys.max() == id
    }

    /// A forward convolution; with `accumulator`, it adds its result to the destination's
    /// values (after its own `activation`) and then applies `then`. With `winograd`, a 3×3
    /// convolution of stride 1 uses oneDNN's Winograd kernel (F(2×2, 3×3)) where it has one.
    private func convPrimitive(_ g: ConvGeometry, activation: Nonlinearity?, into accumulator: dnnl_memory_desc_t?,
                               then: Nonlinearity?) throws -> DNNLPrimitive {
        if winograd && g.kernel == 3 && g.stride == 1 && g.dilation == 1 && g.groups == 1,
           let fast = try? convPrimitive(g, dnnl_convolution_winograd, activation: activation, into: accumulator,
                                         then: then) {
            winogradKernels += 1
            return fast
        }
        return try convPrimitive(g, dnnl_convolution_direct, activation: activation, into: accumulator, then: then)
    }

    private func convPrimitive(_ g: ConvGeometry, _ algorithm: dnnl_alg_kind_t, activation: Nonlinearity?,
                               into accumulator: dnnl_memory_desc_t?, then: Nonlinearity?) throws -> DNNLPrimitive {
        var s = DNNL.any(g.srcDims), w = DNNL.any(g.weightDims), d = accumulator ?? DNNL.any(g.dstDims)
        var b = DNNL.plain([g.outChannels])
        var desc = dnnl_convolution_desc_t()
        try DNNLError.check(dnnl_dilated_convolution_forward_desc_init(
            &desc, dnnl_forward_inference, algorithm, &s, &w, &b, &d,
            DNNL.dims([g.stride, g.stride]), DNNL.dims([g.dilation - 1, g.dilation - 1]),
            DNNL.dims([g.padding, g.padding]), DNNL.dims([g.paddingEndH, g.paddingEndW])), "convolution \(g)")
        let attr = try attributes(activation: activation, sum: accumulator != nil, then: then)
        defer { dnnl_primitive_attr_destroy(attr) }
        return try DNNLPrimitive(opDesc: &desc, attr: attr, what: "inference conv \(g)")
    }

    private func lowerLinear(_ id: Int, _ node: InferenceGraph.Node, weight: [Float], bias: [Float]?) throws {
        let x = node.inputs[0], inDims = graph[x]!.dims, out = node.dims[1]
        // A plain input is read as the flat [n, features] matrix it is (oneDNN's GEMM-based
        // kernels for 2-D inputs beat its 4-D ones); a blocked one keeps its 4-D layout.
        let flat = DNNL.same(layout[x]!, DNNL.plain(inDims))
        let weightDims = flat ? [out, inDims[1] * inDims[2] * inDims[3]] : [out, inDims[1], inDims[2], inDims[3]]
        let dst2 = DNNL.plain([inDims[0], out])
        func make(_ source: dnnl_memory_desc_t) throws -> DNNLPrimitive {
            var s = source, w = DNNL.any(weightDims), b = DNNL.plain([out]), d = dst2
            var desc = dnnl_inner_product_desc_t()
            try DNNLError.check(dnnl_inner_product_forward_desc_init(&desc, dnnl_forward_inference, &s, &w, &b, &d),
                                "inner product \(inDims) → \(out)")
            let attr = try attributes(activation: node.activation, sum: false)
            defer { dnnl_primitive_attr_destroy(attr) }
            return try DNNLPrimitive(opDesc: &desc, attr: attr, what: "inference inner product")
        }
        let primitive: DNNLPrimitive
        if flat {
            primitive = try make(DNNL.plain([inDims[0], weightDims[1]]))
        } else {
            do { primitive = try make(layout[x]!) } catch { primitive = try make(DNNL.any(inDims)) }
        }
        let src = primitive.desc(dnnl_query_src_md)
        let w = try constant(weight, plain: weightDims, as: primitive.desc(dnnl_query_weights_md))
        let b = try constant(bias ?? [Float](repeating: 0, count: out), plain: [out], as: DNNL.plain([out]))
        let input = flat ? buffer[x]! : try read(x, as: src)
        let dst = newBuffer(dst2)
        steps.append(Step(kind: .primitive(primitive), args: [
            Arg(index: DNNL.Arg.src, source: .buffer(input), desc: src, writes: false),
            Arg(index: DNNL.Arg.weights, source: .constant(w), desc: w.desc, writes: false),
            Arg(index: DNNL.Arg.bias, source: .constant(b), desc: b.desc, writes: false),
            Arg(index: DNNL.Arg.dst, source: .buffer(dst), desc: dst2, writes: true),
        ], macs: weight.count * inDims[0]))
        define(id, buffer: dst, desc: DNNL.plain(node.dims))
        fusedKernels += node.activation == nil ? 0 : 1
    }

    private func lowerBatchNorm(_ id: Int, _ node: InferenceGraph.Node, _ params: [[Float]], epsilon: Float) throws {
        let x = node.inputs[0]
        var md = layout[x]!
        let fuseReLU = node.activation == .relu
        var flags = dnnl_use_scale.rawValue | dnnl_use_shift.rawValue | dnnl_use_global_stats.rawValue
        if fuseReLU { flags |= dnnl_fuse_norm_relu.rawValue }
        var desc = dnnl_batch_normalization_desc_t()
        try DNNLError.check(dnnl_batch_normalization_forward_desc_init(&desc, dnnl_forward_inference, &md, epsilon,
                                                                       flags), "batch norm inference")
        let primitive = try DNNLPrimitive(opDesc: &desc, what: "inference batch norm")
        let c = node.dims[1]
        let memories = try params.map { try constant($0, plain: [c], as: DNNL.plain([c])) }
        let out = mayOverwrite(x, at: id) ? buffer[x]! : newBuffer(md)
        let kinds = [DNNL.Arg.scale, DNNL.Arg.shift, DNNL.Arg.mean, DNNL.Arg.variance]
        steps.append(Step(kind: .primitive(primitive), args: [
            Arg(index: DNNL.Arg.src, source: .buffer(buffer[x]!), desc: md, writes: false),
            Arg(index: DNNL.Arg.dst, source: .buffer(out), desc: md, writes: true),
        ] + zip(kinds, memories).map { Arg(index: $0, source: .constant($1), desc: $1.desc, writes: false) }))
        define(id, buffer: out, desc: md)
        if let act = node.activation, !fuseReLU { try lowerActivation(id, x: id, act, inPlace: true) }
        fusedKernels += node.activation == nil ? 0 : 1
    }

    private func lowerActivation(_ id: Int, x: Int, _ act: Nonlinearity, inPlace: Bool = false) throws {
        var md = layout[x]!
        let k = act.kernel
        var desc = dnnl_eltwise_desc_t()
        try DNNLError.check(dnnl_eltwise_forward_desc_init(&desc, dnnl_forward_inference, k.alg, &md, k.alpha, k.beta),
                            "eltwise \(act)")
        let primitive = try DNNLPrimitive(opDesc: &desc, what: "inference eltwise \(act)")
        let src = buffer[x]!
        let out = inPlace || mayOverwrite(x, at: id) ? src : newBuffer(md)
        steps.append(Step(kind: .primitive(primitive), args: [
            Arg(index: DNNL.Arg.src, source: .buffer(src), desc: md, writes: false),
            Arg(index: DNNL.Arg.dst, source: .buffer(out), desc: md, writes: true),
        ]))
        define(id, buffer: out, desc: md)
    }

    private func lowerPool(_ id: Int, _ node: InferenceGraph.Node, _ kind: PoolKind, kernel: [Int], stride: Int,
                           padding: Int) throws {
        let x = node.inputs[0], inDims = graph[x]!.dims
        let padR = [0, 1].map { (node.dims[2 + $0] - 1) * stride + kernel[$0] - inDims[2 + $0] - padding }
        func make(_ source: dnnl_memory_desc_t) throws -> DNNLPrimitive {
            var s = source, d = DNNL.any(node.dims)
            var desc = dnnl_pooling_v2_desc_t()
            try DNNLError.check(dnnl_pooling_v2_forward_desc_init(
                &desc, dnnl_forward_inference, kind.algorithm, &s, &d, DNNL.dims([stride, stride]), DNNL.dims(kernel),
                DNNL.dims([0, 0]), DNNL.dims([padding, padding]), DNNL.dims(padR)), "pooling \(kind) \(inDims)")
            return try DNNLPrimitive(opDesc: &desc, what: "inference pooling")
        }
        let primitive: DNNLPrimitive
        do { primitive = try make(layout[x]!) } catch { primitive = try make(DNNL.plain(inDims)) }
        let src = primitive.desc(dnnl_query_src_md), dst = primitive.desc(dnnl_query_dst_md)
        let input = try read(x, as: src)
        let out = newBuffer(dst)
        steps.append(Step(kind: .primitive(primitive), args: [
            Arg(index: DNNL.Arg.src, source: .buffer(input), desc: src, writes: false),
            Arg(index: DNNL.Arg.dst, source: .buffer(out), desc: dst, writes: true),
        ]))
        define(id, buffer: out, desc: dst)
    }

    /// `dst = a ⊕ b` with a binary kernel (`dst` may be `a`'s buffer: in place).
    private func binary(_ alg: dnnl_alg_kind_t, _ a: Int, _ aDesc: dnnl_memory_desc_t, _ b: Int,
                        _ bDesc: dnnl_memory_desc_t, into dst: Int) throws -> Bool {
        var s0 = aDesc, s1 = bDesc, d = aDesc
        var desc = dnnl_binary_desc_t()
        guard dnnl_binary_desc_init(&desc, alg, &s0, &s1, &d) == dnnl_success,
              let primitive = try? DNNLPrimitive(opDesc: &desc, what: "inference binary") else { return false }
        steps.append(Step(kind: .primitive(primitive), args: [
            Arg(index: DNNL.Arg.src, source: .buffer(a), desc: aDesc, writes: false),
            Arg(index: DNNL.Arg.src1, source: .buffer(b), desc: bDesc, writes: false),
            Arg(index: DNNL.Arg.dst, source: .buffer(dst), desc: aDesc, writes: true),
        ]))
        return true
    }

    private func lowerSum(_ id: Int, _ node: InferenceGraph.Node) throws {
        var (acc, rest) = sumPlan[id] ?? (-1, node.inputs)
        let out: Int, md: dnnl_memory_desc_t
        if acc >= 0 {
            out = buffer[acc]!
            md = layout[acc]!
        } else {
            acc = rest.removeFirst()
            md = layout[acc]!
            out = newBuffer(md)
            let first = rest.removeFirst()
            guard try binary(dnnl_binary_add, buffer[acc]!, md, try read(first, as: md), md, into: out) else {
                throw InferenceGraphError("oneDNN has no sum kernel for node \(id)")
            }
        }
        for t in rest {
            guard try binary(dnnl_binary_add, out, md, try read(t, as: md), md, into: out) else {
                throw InferenceGraphError("oneDNN has no sum kernel for node \(id)")
            }
        }
        define(id, buffer: out, desc: md)
        if let act = node.activation, !activatedSums.contains(id) { try lowerActivation(id, x: id, act, inPlace: true) }
    }

    private func lowerMul(_ id: Int, _ node: InferenceGraph.Node) throws {
        let x = node.inputs[0], gate = node.inputs[1]
        let md = layout[x]!
        let out = mayOverwrite(x, at: id) && x != gate ? buffer[x]! : newBuffer(md)
        if try binary(dnnl_binary_mul, buffer[x]!, md, buffer[gate]!, layout[gate]!, into: out) {
            define(id, buffer: out, desc: md)
            return
        }
        let plainGate = DNNL.plain(graph[gate]!.dims)
        if try binary(dnnl_binary_mul, buffer[x]!, md, try read(gate, as: plainGate), plainGate, into: out) {
            define(id, buffer: out, desc: md)
            return
        }
        let plain = DNNL.plain(node.dims), plainOut = newBuffer(plain)
        guard try binary(dnnl_binary_mul, try read(x, as: plain), plain, try read(gate, as: plainGate), plainGate,
                         into: plainOut) else {
            throw InferenceGraphError("oneDNN has no product kernel for node \(id)")
        }
        define(id, buffer: plainOut, desc: plain)
    }

    private func lowerConcat(_ id: Int, _ node: InferenceGraph.Node) throws {
        var descs = node.inputs.map { layout[$0]! }
        var primitive = try? DNNLPrimitive(concat: descs, dimension: 1, dst: nil)
        if primitive == nil {
            descs = node.inputs.map { DNNL.plain(graph[$0]!.dims) }
            primitive = try DNNLPrimitive(concat: descs, dimension: 1, dst: DNNL.plain(node.dims))
        }
        let dst = primitive!.desc(dnnl_query_dst_md)
        let out = newBuffer(dst)
        var args: [Arg] = []
        for (i, (x, md)) in zip(node.inputs, descs).enumerated() {
            args.append(Arg(index: 1024 + Int32(i), source: .buffer(try read(x, as: md)), desc: md, writes: false))
        }
        args.append(Arg(index: DNNL.Arg.dst, source: .buffer(out), desc: dst, writes: true))
        steps.append(Step(kind: .primitive(primitive!), args: args))
        define(id, buffer: out, desc: dst)
    }

    private func lowerSlice(_ id: Int, _ node: InferenceGraph.Node, start: Int, count: Int) throws {
        let x = node.inputs[0]
        let parent = DNNL.plain(graph[x]!.dims)
        let src = try read(x, as: parent)
        var part = dnnl_memory_desc_t()
        var whole = parent
        try DNNLError.check(dnnl_memory_desc_init_submemory(&part, &whole, DNNL.dims(node.dims),
                                                            DNNL.dims([0, start, 0, 0])), "submemory")
        let plain = DNNL.plain(node.dims)
        let reorder = try DNNLPrimitive(reorderFrom: part, to: plain)
        let out = newBuffer(plain)
        steps.append(Step(kind: .primitive(reorder), args: [
            Arg(index: DNNL.Arg.src, source: .buffer(src), desc: part, writes: false),
            Arg(index: DNNL.Arg.dst, source: .buffer(out), desc: plain, writes: true),
        ]))
        define(id, buffer: out, desc: plain)
    }
}

/// Why a fused kernel was given up for an unfused one.
enum PlanLoweringFallback: Error {
    /// oneDNN offered only its reference implementation for the fused form.
    case referenceKernel
}
