/// ONNX's `TensorProto`: a named constant tensor of floats or 64-bit integers, stored as raw
/// little-endian bytes.
///
/// Field numbers from onnx.proto: dims 1, data_type 2, name 8, raw_data 9; data types FLOAT 1, INT64 7.
public struct ONNXTensor {
    /// The element type.
    public enum ElementType: Int64 {
        case float = 1
        case int64 = 7
    }

    /// The tensor's name (the value nodes read it by).
    public var name: String
    /// Its dimensions.
    public var dims: [Int]
    /// Its element type.
    public var type: ElementType
    /// Its values, little-endian.
    public var rawData: [UInt8]

    /// A float tensor.
    public init(name: String, dims: [Int], floats: [Float]) {
        self.name = name
        self.dims = dims
        self.type = .float
        rawData = floats.withUnsafeBytes { Array($0) }  // little-endian, as on naslab's platforms
    }

    /// An int64 tensor.
    public init(name: String, dims: [Int], ints: [Int]) {
        self.name = name
        self.dims = dims
        self.type = .int64
        rawData = ONNXTensor.littleEndian(ints.map { UInt64(bitPattern: Int64($0)) }, bytes: 8)
    }

    /// Writes the tensor's fields.
    func encode(into w: inout ProtobufWriter) {
        w.writePackedInts(1, dims.map(Int64.init))
        w.writeInt(2, type.rawValue)
        w.writeString(8, name)
        w.writeBytes(9, rawData)
    }

    /// Each value's low `bytes` bytes, least significant first.
    private static func littleEndian(_ values: [UInt64], bytes: Int) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(values.count * bytes)
        for v in values {
            for b in 0..<bytes { out.append(UInt8((v >> UInt64(8 * b)) & 0xFF)) }
        }
        return out
    }
}
