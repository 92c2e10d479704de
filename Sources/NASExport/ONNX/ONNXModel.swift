/// ONNX's `ModelProto`: the graph with the IR version and the operator sets it uses.
///
/// Field numbers are those of onnx.proto (github.com/onnx/onnx, `onnx/onnx.proto`, IR version 8):
/// ir_version 1, producer_name 2, producer_version 3, doc_string 6, graph 7, opset_import 8;
/// `OperatorSetIdProto`: domain 1, version 2.
public struct ONNXModel {
    /// The IR version (8 is onnx 1.10's; every runtime since 2021 reads it).
    public var irVersion: Int64 = 8
    /// The default-domain operator set version the nodes follow.
    public var opsetVersion: Int64
    /// Who wrote the model.
    public var producerName = "naslab"
    /// The producer's version.
    public var producerVersion: String
    /// A description of the model.
    public var docString: String
    /// The computation.
    public var graph: ONNXGraph

    /// Creates a model.
    public init(opsetVersion: Int64, producerVersion: String, docString: String, graph: ONNXGraph) {
        self.opsetVersion = opsetVersion
        self.producerVersion = producerVersion
        self.docString = docString
        self.graph = graph
    }

    /// The serialised model, as an `.onnx` file holds it.
    public func serialized() -> [UInt8] {
        var w = ProtobufWriter()
        w.writeInt(1, irVersion)
        w.writeString(2, producerName)
        w.writeString(3, producerVersion)
        w.writeString(6, docString)
        w.writeMessage(7) { graph.encode(into: &$0) }
        w.writeMessage(8) { opset in
            opset.writeString(1, "")
            opset.writeInt(2, opsetVersion)
        }
        return w.bytes
    }
}
