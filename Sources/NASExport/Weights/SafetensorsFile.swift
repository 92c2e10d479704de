import Foundation

/// Writes a `.safetensors` file, the weight file beside an exported PyTorch module.
///
/// The format (github.com/huggingface/safetensors, README "Format"): an 8-byte little-endian
/// header length N, N bytes of JSON mapping each tensor's name to its `dtype`, `shape` and
/// `data_offsets` [begin, end) in the data that follows, then the tensors' bytes (here float32,
/// little-endian, row-major). It needs no pickle, and the generated module reads it with `json`,
/// `struct` and `torch.frombuffer` (the `safetensors` package is not needed).
public enum SafetensorsFile {
    /// The file's bytes for the named float tensors, in the given order.
    public static func bytes(_ tensors: [(name: String, shape: [Int], values: [Float])], metadata: [String: String] = [:]) -> Data {
        var entries: [String] = []
        if !metadata.isEmpty {
            let fields = metadata.sorted { $0.key < $1.key }.map { "\(json($0.key)):\(json($0.value))" }
            entries.append("\"__metadata__\":{\(fields.joined(separator: ","))}")
        }
        var offset = 0
        for t in tensors {
            let end = offset + 4 * t.values.count
            let shape = t.shape.map(String.init).joined(separator: ",")
            entries.append("\(json(t.name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        var header = Array("{\(entries.joined(separator: ","))}".utf8)
        while header.count % 8 != 0 { header.append(0x20) }  // the format pads the header with spaces
        var data = Data()
        data.reserveCapacity(8 + header.count + offset)
        var length = UInt64(header.count).littleEndian
        withUnsafeBytes(of: &length) { data.append(contentsOf: $0) }
        data.append(contentsOf: header)
        // naslab's platforms (x86-64, arm64) are little-endian, as the format is: the floats' bytes as they lie.
        for t in tensors { t.values.withUnsafeBytes { data.append(contentsOf: $0) } }
        return data
    }

    /// A JSON string literal.
    private static func json(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
