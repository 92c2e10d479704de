import NASCore
import NASSpaces
import NASTensor

/// A trainable network built from a `NetworkSpec`: one set of parameters per node, and a
/// forward pass that walks the DAG in its topological order.
public final class Model {
    /// The spec it was built from.
    public let spec: NetworkSpec
    /// Parameters by node id.
    let layers: [Int: LayerParameters]
    /// The spec the forward pass walks: `spec` with repeated computations made identities
    /// (`SharedComputations`).
    let passSpec: NetworkSpec
    /// The weight of each batch's statistics in batch norm's running statistics (training mode).
    public var batchNormMomentum: Float = 0.1

    /// Builds a model with freshly initialised parameters (deterministic for a seed).
    public init(spec: NetworkSpec, seed: UInt64) throws {
        guard !spec.nodes.isEmpty, spec.output >= 0, spec.output < spec.nodes.count else {
            throw ModelError("the network has no output node")
        }
        var rng = SeededRandom(seed: seed)
        var layers: [Int: LayerParameters] = [:]
        for node in spec.nodes {
            guard !node.inputs.isEmpty || Model.takesNoInput(node.op),
                  node.inputs.allSatisfy({ $0 >= -1 && $0 < node.id }) else {
                throw ModelError("node \(node.id) (\(node.name)) reads inputs \(node.inputs), which are not earlier nodes")
            }
            let input = node.inputs.first.map { Model.shape(of: $0, in: spec) } ?? spec.input
            if let p = try LayerParameters.make(for: node, input: input, rng: &rng) { layers[node.id] = p }
        }
        self.spec = spec
        self.layers = layers
        self.passSpec = SharedComputations.rewrite(spec)
    }

    /// Builds a model from a spec and the parameters of its nodes, used as given (the morphisms'
    /// way of making a network whose parameters derive from another's).
    init(spec: NetworkSpec, layers: [Int: LayerParameters]) {
        self.spec = spec
        self.layers = layers
        self.passSpec = SharedComputations.rewrite(spec)
    }

    /// Ops that need no input tensor.
    private static func takesNoInput(_ op: LayerOp) -> Bool { false }

    /// The output shape of node `id` (`-1`: the network input).
    static func shape(of id: Int, in spec: NetworkSpec) -> TensorShape {
        id == -1 ? spec.input : spec.nodes[id].outputShape
    }

    /// Every trainable tensor, in node order.
    public var parameters: [Tensor] {
        spec.nodes.compactMap { layers[$0.id] }.flatMap(\.trainable)
    }

    /// The number of trainable values.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    /// Runs the network on `[n, c, h, w]` inputs and returns `[n, classes]` logits.
    ///
    /// Images of another resolution than the spec's input are resized first (bilinear); a
    /// different channel count is an error.
    ///
    /// In training, each node's output is handed back to the graph once the last node that reads
    /// it has run (`Tensor.endForwardUse()`): values that no backward step reads (a sum's terms,
    /// a pooling's input, a ReLU's input) are freed during the forward pass, the rest right after
    /// the backward step that reads them. The returned graph back-propagates once.
    public func forward(_ x: Tensor, training: Bool, rng: inout SeededRandom) throws -> Tensor {
        try forward(x, training: training, releasing: true, rng: &rng)
    }

    /// The forward pass; `releasing: false` keeps every value until the graph goes (for tests
    /// that compare the two).
    func forward(_ x: Tensor, training: Bool, releasing: Bool, paths: ActivePaths? = nil,
                 rng: inout SeededRandom) throws -> Tensor {
        let input = try fitted(x)
        let values = try activations(input, training: training, keepAll: false, releasing: releasing, paths: paths, rng: &rng)
        let output = values[spec.output]!
        let plain = try output.plain()
        let logits = Model.flattened(plain)
        if releasing {
            for t in [output, plain] where t !== logits && t !== input { t.endForwardUse() }
        }
        return logits
    }

    /// The batch at the spec's input resolution.
    func fitted(_ x: Tensor) throws -> Tensor {
        let s = spec.input
        guard x.count / max(x.batch, 1) != s.elementCount else { return x }
        guard x.shape.count == 4, x.channels == s.channels else {
            throw ModelError("the network expects inputs of \(s), the data has samples of shape \(x.shape.dropFirst())")
        }
        return BatchLoader.resized(x, height: s.height, width: s.width)
    }

    /// Every node's output. Unless `keepAll`, outputs nobody reads any more are dropped as the
    /// pass moves on; in training with `releasing`, they are also handed back to the graph
    /// (`Tensor.endForwardUse()`), which frees the values no backward step reads.
    func activations(_ x: Tensor, training: Bool, keepAll: Bool, releasing: Bool = true, paths: ActivePaths? = nil,
                     rng: inout SeededRandom) throws -> [Tensor?] {
        var values = [Tensor?](repeating: nil, count: spec.nodes.count)
        let walked = paths?.spec ?? passSpec
        var readers = ForwardReaders(spec: walked, input: x)
        let drops = !keepAll && (!training || releasing)
        for node in walked.nodes where paths?.isLive(node.id) ?? true {
            let given = node.inputs.map { $0 == -1 ? x : values[$0]! }
            let inputs = Model.acceptsBlocked(node.op) ? given : try given.map { try $0.plain() }
            let result = try paths?.mix(node, inputs, batch: x.batch)
                ?? apply(node, inputs, training: training, weight: paths?.foldedWeight(node.id), rng: &rng)
            readers.produced(result, by: node.id)
            values[node.id] = result
            guard drops else { continue }
            // Layout conversions made for this node alone are done with at once.
            for (converted, original) in zip(inputs, given) where converted !== original && converted !== result {
                converted.endForwardUse()
            }
            endReads(node, given, &values, &readers)
        }
        return values
    }

    /// `node` has read `given`: drops the inputs (and its own output, when nobody reads it) that no
    /// node will read again, handing them back to the graph.
    private func endReads(_ node: LayerNode, _ given: [Tensor], _ values: inout [Tensor?], _ readers: inout ForwardReaders) {
        for (t, i) in zip(given, node.inputs) where i >= 0 {
            if readers.consumed(t, slot: i) { values[i] = nil }
            if readers.isDone(t) { t.endForwardUse() }
        }
        if let result = values[node.id], readers.isDone(result) {  // read by no node, not even the output
            values[node.id] = nil
            result.endForwardUse()
        }
    }

    /// Whether an op works on tensors in oneDNN's blocked layouts, so a convolution's output
    /// can reach it without a conversion to plain NCHW.
    static func acceptsBlocked(_ op: LayerOp) -> Bool {
        switch op {
        case .conv, .batchNorm, .relu, .relu6, .hswish, .sigmoid, .swish, .add, .identity, .maxPool, .avgPool,
             .globalAvgPool:
            return true
        default: return false
        }
    }

    /// How many nodes read each node.
    static func useCounts(_ spec: NetworkSpec) -> [Int] {
        var uses = [Int](repeating: 0, count: spec.nodes.count)
        for node in spec.nodes { for i in node.inputs where i >= 0 { uses[i] += 1 } }
        return uses
    }

    /// `[n, c, 1, 1]` (or any 4-D output) as `[n, features]`.
    static func flattened(_ t: Tensor) -> Tensor {
        t.shape.count == 2 ? t : t.reshaped([t.batch, t.count / t.batch])
    }

    /// A vector `[n, f]` as `[n, f, 1, 1]`, for ops that want images.
    static func image(_ t: Tensor) -> Tensor {
        t.shape.count == 4 ? t : t.reshaped([t.batch, t.count / t.batch, 1, 1])
    }

    /// One node's forward computation.
    /// `weight`: a mixing weight folded into a batch norm's scale and shift (`ActivePaths.foldedWeight`).
    private func apply(_ node: LayerNode, _ inputs: [Tensor], training: Bool, weight: (weights: Tensor, slot: Int)? = nil,
                       rng: inout SeededRandom) throws -> Tensor {
        let x = inputs.first
        switch (node.op, layers[node.id]) {
        case (.conv(_, _, let stride, let padding, let dilation, let groups, _), .conv(let w, let b)?):
            return try Model.image(x!).conv2d(weight: w, bias: b, stride: stride, padding: padding,
                                              dilation: dilation, groups: groups, keepLayout: true)
        case (.batchNorm, .batchNorm(let s, let t, let m, let v)?):
            let (scale, shift) = weight.map { (s.scaled(by: $0.weights, slot: $0.slot), t.scaled(by: $0.weights, slot: $0.slot)) } ?? (s, t)
            return try x!.batchNorm(scale: scale, shift: shift, runningMean: m, runningVar: v, training: training,
                                    momentum: batchNormMomentum)
        case (.linear, .linear(let w, let b)?):
            return try x!.linear(weight: w, bias: b)
        default:
            return try Model.applyParameterFree(node, inputs, training: training, rng: &rng)
        }
    }

    /// The forward computation of nodes without parameters (shared with the inference model).
    static func applyParameterFree(_ node: LayerNode, _ inputs: [Tensor], training: Bool,
                                   rng: inout SeededRandom) throws -> Tensor {
        // Shape conversions made here are read by this op alone: handed back once it has run.
        var made: [Tensor] = []
        func image(_ t: Tensor) -> Tensor { kept(Model.image(t), from: t) }
        func kept(_ converted: Tensor, from original: Tensor) -> Tensor {
            if converted !== original { made.append(converted) }
            return converted
        }
        let result = try applyParameterFree(node, inputs, training: training, image: image, kept: kept, rng: &rng)
        for t in made where t !== result { t.endForwardUse() }
        return result
    }

    /// The op itself; `image` and `kept` record the conversions it makes.
    private static func applyParameterFree(_ node: LayerNode, _ inputs: [Tensor], training: Bool,
                                           image: (Tensor) -> Tensor, kept: (Tensor, Tensor) -> Tensor,
                                           rng: inout SeededRandom) throws -> Tensor {
        let x = inputs[0]
        switch node.op {
        case .relu: return try x.relu()
        case .relu6: return try x.relu6()
        case .hswish: return try x.hswish()
        case .sigmoid: return try x.sigmoid()
        case .swish: return try x.swish()
        case .maxPool(let k, let s, let p): return try image(x).maxPool(kernel: k, stride: s, padding: p)
        case .avgPool(let k, let s, let p, let include):
            return try image(x).avgPool(kernel: k, stride: s, padding: p, countIncludePad: include)
        case .globalAvgPool: return try image(x).globalAvgPool()
        case .add:
            let live = inputs.filter { !$0.isKnownZero }
            let terms = live.isEmpty ? [inputs[0]] : live
            let shaped = try terms.map { t in
                t.shape == terms[0].shape ? t : kept(kept(try t.plain(), t).reshaped(terms[0].shape), t)
            }
            return shaped.count == 1 ? shaped[0] : try Tensor.sum(shaped)
        case .mul: return image(x).mul(image(inputs[1]))
        case .concat: return Tensor.concat(inputs.map(image))
        case .sliceChannels(let start, let count): return image(x).sliceChannels(start: start, count: count)
        case .shift(let rows, let cols): return image(x).shifted(rows: rows, cols: cols)
        case .zero:
            let s = node.outputShape
            return Tensor.knownZeros([x.batch, s.channels, s.height, s.width])
        case .identity: return x
        case .dropout(let p): return x.dropout(p: p, training: training, rng: &rng)
        case .conv, .batchNorm, .linear:
            throw ModelError("node \(node.id) (\(node.name)) has no parameters")
        }
    }
}

