/// ONNX's `AttributeProto`: a named int, float, string, tensor or int list.
///
/// Field numbers from onnx.proto: name 1, f 2, i 3, s 4, t 5, ints 8, type 20; the type enum:
/// FLOAT 1, INT 2, STRING 3, TENSOR 4, INTS 7.
public struct ONNXAttribute {
    /// An attribute's value.
    public enum Value {
        case float(Float)
        case int(Int)
        case string(String)
        case tensor(ONNXTensor)
        case ints([Int])
    }

    /// The attribute's name (`kernel_shape`, `strides`, …).
    public var name: String
    /// Its value.
    public var value: Value

    /// Creates an attribute.
    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }

    /// Writes the attribute's fields.
    func encode(into w: inout ProtobufWriter) {
        w.writeString(1, name)
        switch value {
        case .float(let f):
            w.writeFloat(2, f)
            w.writeInt(20, 1)
        case .int(let i):
            w.writeInt(3, Int64(i))
            w.writeInt(20, 2)
        case .string(let s):
            w.writeString(4, s)
            w.writeInt(20, 3)
        case .tensor(let t):
            w.writeMessage(5) { t.encode(into: &$0) }
            w.writeInt(20, 4)
        case .ints(let list):
            w.writePackedInts(8, list.map(Int64.init))
            w.writeInt(20, 7)
        }
    }
}
