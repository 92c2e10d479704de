import NASSpaces

/// What one layer of a network computes and moves, in elements: the basis of the FLOPs/bytes
/// latency model's features and of the energy model.
///
/// Batch norm folds into the convolution before it and activations run as that convolution's
/// post-op at inference (naslab's plans, and the accelerators of the energy model, do both), so
/// they move nothing of their own and are not kernels; identity, dropout and zero (NB201's `none`) are free. Every
/// other node is a kernel that reads its inputs and weights once and writes its output once. Nodes
/// the output does not depend on (an NB201 node whose edges all lead to `none`) are dropped by the
/// plans, so they cost nothing either.
public struct LayerTraffic: Sendable, Hashable {
    /// Multiply-accumulates (convolutions and fully connected layers).
    public let macs: Int
    /// Weight elements read (convolution and linear weights and biases).
    public let weights: Int
    /// Input activation elements read (every input of the node).
    public let inputs: Int
    /// Output activation elements written.
    public let outputs: Int
    /// Whether the node runs as a kernel of its own.
    public let isKernel: Bool
    /// The convolution's kernel size (1 for other layers).
    public let kernel: Int

    /// The traffic of every node of `spec`, in node order.
    public static func of(_ spec: NetworkSpec) -> [LayerTraffic] {
        let live = spec.liveNodes
        return spec.nodes.map { node in
            guard live[node.id] else { return none }
            let cost = LayerCost.of(node, input: node.inputs.first.map { spec.shape(of: $0) } ?? spec.input)
            let reads = node.inputs.reduce(0) { $0 + spec.shape(of: $1).elementCount }
            switch node.op {
            case .batchNorm, .relu, .relu6, .hswish, .sigmoid, .swish, .identity, .dropout, .zero:
                return none
            case let .conv(_, kernel, _, _, _, _, _):
                return LayerTraffic(macs: cost.macs, weights: cost.params, inputs: reads, outputs: node.outputShape.elementCount,
                                    isKernel: true, kernel: kernel)
            default:
                return LayerTraffic(macs: cost.macs, weights: cost.params, inputs: reads, outputs: node.outputShape.elementCount,
                                    isKernel: true, kernel: 1)
            }
        }
    }

    /// A layer that computes and moves nothing.
    static let none = LayerTraffic(macs: 0, weights: 0, inputs: 0, outputs: 0, isKernel: false, kernel: 1)

    /// Elements moved: inputs and outputs of activations and weights.
    public var elementsMoved: Int { inputs + outputs + weights }
}
