import NASCore
import NASSpaces
import NASTensor

/// The trainable state of one node of a network spec.
enum LayerParameters {
    case conv(weight: Tensor, bias: Tensor?)
    case batchNorm(scale: Tensor, shift: Tensor, runningMean: Tensor, runningVar: Tensor)
    case linear(weight: Tensor, bias: Tensor?)

    /// The tensors an optimiser updates.
    var trainable: [Tensor] {
        switch self {
        case .conv(let w, let b), .linear(let w, let b): return [w] + (b.map { [$0] } ?? [])
        case .batchNorm(let s, let t, _, _): return [s, t]
        }
    }

    /// The same values in new tensors (plain layout), so that training one copy leaves the other alone.
    func copied() -> LayerParameters {
        switch self {
        case .conv(let w, let b): return .conv(weight: w.copied(), bias: b?.copied())
        case .linear(let w, let b): return .linear(weight: w.copied(), bias: b?.copied())
        case .batchNorm(let s, let t, let m, let v):
            return .batchNorm(scale: s.copied(), shift: t.copied(), runningMean: m.copied(), runningVar: v.copied())
        }
    }

    /// Fresh parameters for a node, drawn from `rng` in a fixed order (Kaiming-normal
    /// convolution weights, zero conv biases; linear weight and bias uniform in `±1/√fanIn`;
    /// batch norm γ = 1, β = 0, running mean 0, running variance 1).
    static func make(for node: LayerNode, input: TensorShape, rng: inout SeededRandom) throws -> LayerParameters? {
        switch node.op {
        case .conv(let out, let k, _, _, _, let groups, let bias):
            guard groups > 0, input.channels % groups == 0, out % groups == 0 else {
                throw ModelError("node \(node.id) (\(node.name)): \(input.channels) input and \(out) output channels "
                    + "are not divisible by \(groups) groups")
            }
            let fanIn = input.channels / groups * k * k
            let w = Tensor.kaimingNormal([out, input.channels / groups, k, k], fanIn: fanIn, rng: &rng,
                                         name: "\(node.name).weight")
            return .conv(weight: w, bias: bias ? Tensor.constant([out], 0, name: "\(node.name).bias") : nil)
        case .batchNorm:
            let c = input.channels
            return .batchNorm(scale: Tensor.constant([c], 1, name: "\(node.name).gamma"),
                              shift: Tensor.constant([c], 0, name: "\(node.name).beta"),
                              runningMean: Tensor.constant([c], 0, requiresGrad: false),
                              runningVar: Tensor.constant([c], 1, requiresGrad: false))
        case .linear(let out, let bias):
            let fanIn = input.elementCount
            let bound = 1 / Double(fanIn).squareRoot()
            let w = Tensor.uniform([out, fanIn], bound: bound, rng: &rng, name: "\(node.name).weight")
            return .linear(weight: w, bias: bias ? Tensor.uniform([out], bound: bound, rng: &rng,
                                                                  name: "\(node.name).bias") : nil)
        default:
            return nil
        }
    }
}

extension Tensor {
    /// A plain copy of the values, with the same shape, name and `requiresGrad`, and no graph.
    func copied() -> Tensor {
        Tensor(shape: shape, values: values, requiresGrad: requiresGrad, name: name)
    }
}
