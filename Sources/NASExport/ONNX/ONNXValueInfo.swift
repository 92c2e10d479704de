/// ONNX's `ValueInfoProto` for a float tensor: a graph input's or output's name and shape.
///
/// Field numbers from onnx.proto: ValueInfoProto name 1, type 2; TypeProto tensor_type 1;
/// TypeProto.Tensor elem_type 1, shape 2; TensorShapeProto dim 1; Dimension dim_value 1, dim_param 2.
public struct ONNXValueInfo {
    /// One dimension: a fixed size or a named free one (`batch`).
    public enum Dimension {
        case fixed(Int)
        case named(String)
    }

    /// The value's name.
    public var name: String
    /// Its shape.
    public var shape: [Dimension]

    /// Creates the description of a float tensor.
    public init(name: String, shape: [Dimension]) {
        self.name = name
        self.shape = shape
    }

    /// Writes the value's fields.
    func encode(into w: inout ProtobufWriter) {
        w.writeString(1, name)
        w.writeMessage(2) { type in
            type.writeMessage(1) { tensor in
                tensor.writeInt(1, ONNXTensor.ElementType.float.rawValue)
                tensor.writeMessage(2) { shapeProto in
                    for d in shape {
                        shapeProto.writeMessage(1) { dim in
                            switch d {
                            case .fixed(let n): dim.writeInt(1, Int64(n))
                            case .named(let s): dim.writeString(2, s)
                            }
                        }
                    }
                }
            }
        }
    }
}
