/// A concrete network: a topologically ordered DAG of primitive layers with every shape known.
///
/// Every architecture of every space decodes to one of these; the cost model reads it and the
/// training layer builds a trainable model from it.
public struct NetworkSpec: Sendable, Hashable, Codable {
    /// The shape of one input sample.
    public var input: TensorShape
    /// The nodes, in topological order (`nodes[i].id == i`).
    public var nodes: [LayerNode]
    /// The id of the node whose output is the network's output (the logits).
    public var output: Int

    /// Creates a spec.
    public init(input: TensorShape, nodes: [LayerNode], output: Int) {
        self.input = input
        self.nodes = nodes
        self.output = output
    }
}
