import Foundation

/// The byte layout of a one-shot method's checkpoint: a JSON header with its length in front, then float arrays, then raw bytes.
///
/// `[UInt32 little-endian header length][header JSON][array 0 as Float32]…[trailing bytes]`. The
/// header records what follows (its lengths), so a reader checks the whole size before using any of it.
/// Keys are written sorted, so the same state always gives the same bytes.
enum CheckpointFrame {
    /// The header every one-shot method writes, as JSON before the arrays.
    struct Header: Codable {
        var method: String
        var epoch: Int
        var lastTrainLoss: Double
        var counter: ProposalCounter
        /// The lengths of what follows: the arrays' value counts, then (mixed-op methods) the method's own bytes.
        var lengths: [Int]
    }

    /// The checkpoint of `header`, `arrays` and `trailing` bytes.
    static func write<Header: Encodable>(_ header: Header, arrays: [[Float]], trailing: Data = Data()) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // the same state always writes the same bytes
        let json = try encoder.encode(header)
        var data = Data()
        var length = UInt32(json.count).littleEndian
        withUnsafeBytes(of: &length) { data.append(contentsOf: $0) }
        data.append(json)
        for array in arrays { array.withUnsafeBytes { data.append(contentsOf: $0) } }
        data.append(trailing)
        return data
    }

    /// The header of a checkpoint, the arrays of `counts(header)` values that follow it and the trailing bytes
    /// (`trailing(header)` of them); nil when the bytes are not such a checkpoint or are truncated.
    static func read<Header: Decodable>(_ data: Data, as type: Header.Type, counts: (Header) -> [Int]?,
                                        trailing: (Header) -> Int = { _ in 0 }) -> (header: Header, arrays: [[Float]], trailing: Data)? {
        let bytes = [UInt8](data)
        guard bytes.count >= 4 else { return nil }
        let length = Int(UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24)
        guard bytes.count >= 4 + length, let header = try? JSONDecoder().decode(Header.self, from: Data(bytes[4..<4 + length])),
              let sizes = counts(header), sizes.allSatisfy({ $0 >= 0 }), trailing(header) >= 0,
              bytes.count == 4 + length + 4 * sizes.reduce(0, +) + trailing(header) else { return nil }
        var offset = 4 + length
        var arrays: [[Float]] = []
        for count in sizes {
            arrays.append(floats(Data(bytes[offset..<offset + 4 * count])))
            offset += 4 * count
        }
        return (header, arrays, Data(bytes[offset...]))
    }

    /// Bytes written by `write` as Float32 values.
    static func floats(_ data: Data) -> [Float] {
        data.withUnsafeBytes { raw in (0..<data.count / 4).map { raw.loadUnaligned(fromByteOffset: 4 * $0, as: Float.self) } }
    }
}
