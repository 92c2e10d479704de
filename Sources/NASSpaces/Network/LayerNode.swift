/// One node of a network spec: an op, the nodes it reads, and its output shape.
public struct LayerNode: Sendable, Hashable, Codable {
    /// The node's position in `NetworkSpec.nodes`; node ids are topologically ordered.
    public var id: Int
    /// What the node computes.
    public var op: LayerOp
    /// The ids of the nodes it reads; `-1` is the network input.
    public var inputs: [Int]
    /// The shape of one sample's output.
    public var outputShape: TensorShape
    /// A readable name for layer tables (`stage2.cell1.edge_2_0.conv`).
    public var name: String

    /// Creates a node.
    public init(id: Int, op: LayerOp, inputs: [Int], outputShape: TensorShape, name: String) {
        self.id = id
        self.op = op
        self.inputs = inputs
        self.outputShape = outputShape
        self.name = name
    }
}
