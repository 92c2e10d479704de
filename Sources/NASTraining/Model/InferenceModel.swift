import NASCore
import NASSpaces
import NASTensor

/// A model prepared for inference: every `conv → batchNorm → activation` chain (where each
/// link has a single reader) runs as one oneDNN kernel with the batch norm folded into the
/// weights and the activation fused as a post-op; the parameters are frozen copies.
public final class InferenceModel {
    /// The spec it runs.
    public let spec: NetworkSpec
    private let steps: [Step]
    private let skipped: Set<Int>
    private let frozen: [Int: LayerParameters]

    /// The batch at the spec's input resolution (see `Model.forward`).
    private func fitted(_ x: Tensor) throws -> Tensor {
        let s = spec.input
        guard x.count / max(x.batch, 1) != s.elementCount else { return x }
        guard x.shape.count == 4, x.channels == s.channels else {
            throw ModelError("the network expects inputs of \(s), the data has samples of shape \(x.shape.dropFirst())")
        }
        return BatchLoader.resized(x, height: s.height, width: s.width)
    }

    /// One unit of work: a fused convolution or a node computed as in the training graph.
    private enum Step {
        case fused(FusedConv2d, input: Int, output: Int)
        case node(LayerNode)
    }

    /// Prepares `model` for inference (its current weights and running statistics).
    init(_ model: Model) {
        spec = model.spec
        let uses = Model.useCounts(spec)
        var steps: [Step] = [], skipped = Set<Int>(), frozen: [Int: LayerParameters] = [:]
        for node in spec.nodes where !skipped.contains(node.id) {
            guard case .conv(_, _, let stride, let padding, let dilation, let groups, _) = node.op,
                  case .conv(let w, let b)? = model.layers[node.id] else {
                if let p = model.layers[node.id] { frozen[node.id] = InferenceModel.freeze(p) }
                steps.append(.node(node))
                continue
            }
            var last = node.id, chain: [Int] = []
            var bn: (Tensor, Tensor, Tensor, Tensor, Float)?
            var activation: NASTensor.Activation?
            if let next = InferenceModel.soleReader(of: last, in: spec, uses: uses), case .batchNorm = next.op,
               case .batchNorm(let s, let t, let m, let v)? = model.layers[next.id] {
                bn = (s, t, m, v, 1e-5)
                last = next.id
                chain.append(last)
            }
            if let next = InferenceModel.soleReader(of: last, in: spec, uses: uses),
               let act = InferenceModel.fusable(next.op) {
                activation = act
                last = next.id
                chain.append(last)
            }
            let fused = FusedConv2d(weight: w, bias: b, batchNorm: bn, activation: activation, stride: stride,
                                    padding: padding, dilation: dilation, groups: groups)
            steps.append(.fused(fused, input: node.inputs[0], output: last))
            skipped.formUnion(chain)
        }
        self.steps = steps
        self.skipped = skipped
        self.frozen = frozen
    }

    /// The node that alone reads node `id`, when exactly one does and `id` is not the output.
    private static func soleReader(of id: Int, in spec: NetworkSpec, uses: [Int]) -> LayerNode? {
        guard uses[id] == 1, id != spec.output else { return nil }
        return spec.nodes.first { $0.id > id && $0.inputs == [id] }
    }

    /// The activation a convolution kernel can apply itself.
    private static func fusable(_ op: LayerOp) -> NASTensor.Activation? {
        switch op {
        case .relu: return .relu
        case .relu6: return .relu6
        case .hswish: return .hswish
        case .sigmoid: return .sigmoid
        case .swish: return .swish
        default: return nil
        }
    }

    /// A copy of parameters that records no gradients.
    private static func freeze(_ p: LayerParameters) -> LayerParameters {
        func copy(_ t: Tensor) -> Tensor { Tensor(shape: t.shape, values: t.values) }
        switch p {
        case .conv(let w, let b): return .conv(weight: copy(w), bias: b.map(copy))
        case .linear(let w, let b): return .linear(weight: copy(w), bias: b.map(copy))
        case .batchNorm(let s, let t, let m, let v): return .batchNorm(scale: copy(s), shift: copy(t),
                                                                       runningMean: copy(m), runningVar: copy(v))
        }
    }

    /// The number of fused convolution kernels (each replacing up to three ops).
    public var fusedKernelCount: Int {
        steps.reduce(0) { if case .fused = $1 { return $0 + 1 } else { return $0 } }
    }

    /// Runs the network on `[n, c, h, w]` inputs and returns `[n, classes]` logits.
    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        let x = try fitted(input)
        var values = [Tensor?](repeating: nil, count: spec.nodes.count)
        var rng = SeededRandom(seed: 0)  // dropout is the identity here
        for step in steps {
            switch step {
            case .fused(let conv, let input, let output):
                values[output] = try conv(Model.image(input == -1 ? x : values[input]!), keepLayout: true)
            case .node(let node):
                var inputs = node.inputs.map { $0 == -1 ? x : values[$0]! }
                if !Model.acceptsBlocked(node.op) { inputs = try inputs.map { try $0.plain() } }
                values[node.id] = try compute(node, inputs, rng: &rng)
            }
        }
        return try Model.flattened(values[spec.output]!.plain())
    }

    private func compute(_ node: LayerNode, _ inputs: [Tensor], rng: inout SeededRandom) throws -> Tensor {
        switch frozen[node.id] {
        case .batchNorm(let s, let t, let m, let v)?:
            return try inputs[0].batchNorm(scale: s, shift: t, runningMean: m, runningVar: v, training: false)
        case .linear(let w, let b)?:
            return try inputs[0].linear(weight: w, bias: b)
        case .conv?:
            throw ModelError("node \(node.id) (\(node.name)): convolutions run fused in inference")
        case nil:
            return try Model.applyParameterFree(node, inputs, training: false, rng: &rng)
        }
    }
}

extension Model {
    /// This model prepared for fast inference (batch norm folded, activations fused).
    public func inferenceModel() -> InferenceModel { InferenceModel(self) }
}
