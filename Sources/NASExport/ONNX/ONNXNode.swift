/// ONNX's `NodeProto`: one operator applied to named values.
///
/// Field numbers from onnx.proto: input 1, output 2, name 3, op_type 4, attribute 5.
public struct ONNXNode {
    /// The operator (`Conv`, `Relu`, …) of the default domain.
    public var opType: String
    /// The values it reads; an empty name skips an optional input.
    public var inputs: [String]
    /// The values it writes.
    public var outputs: [String]
    /// The node's name.
    public var name: String
    /// Its attributes.
    public var attributes: [ONNXAttribute]

    /// Creates a node.
    public init(_ opType: String, inputs: [String], outputs: [String], name: String, attributes: [ONNXAttribute] = []) {
        self.opType = opType
        self.inputs = inputs
        self.outputs = outputs
        self.name = name
        self.attributes = attributes
    }

    /// Writes the node's fields.
    func encode(into w: inout ProtobufWriter) {
        for input in inputs { w.writeString(1, input) }
        for output in outputs { w.writeString(2, output) }
        w.writeString(3, name)
        w.writeString(4, opType)
        for attribute in attributes { w.writeMessage(5) { attribute.encode(into: &$0) } }
    }
}
