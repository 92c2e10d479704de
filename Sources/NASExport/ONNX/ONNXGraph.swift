/// ONNX's `GraphProto`: nodes in topological order, the weights as initializers, inputs and outputs.
///
/// Field numbers from onnx.proto: node 1, name 2, initializer 5, doc_string 10, input 11, output 12.
public struct ONNXGraph {
    /// The graph's name.
    public var name: String
    /// The nodes, each after the nodes it reads.
    public var nodes: [ONNXNode] = []
    /// Constant tensors (weights, shapes) by name.
    public var initializers: [ONNXTensor] = []
    /// The graph's inputs.
    public var inputs: [ONNXValueInfo] = []
    /// The graph's outputs.
    public var outputs: [ONNXValueInfo] = []

    /// An empty graph.
    public init(name: String) { self.name = name }

    /// Writes the graph's fields.
    func encode(into w: inout ProtobufWriter) {
        for node in nodes { w.writeMessage(1) { node.encode(into: &$0) } }
        w.writeString(2, name)
        for tensor in initializers { w.writeMessage(5) { tensor.encode(into: &$0) } }
        for value in inputs { w.writeMessage(11) { value.encode(into: &$0) } }
        for value in outputs { w.writeMessage(12) { value.encode(into: &$0) } }
    }
}
