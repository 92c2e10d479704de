import Foundation
import Testing
@testable import NASExport

/// The weight file against the safetensors layout worked out by hand: an 8-byte little-endian
/// header length, a JSON header padded with spaces to a multiple of 8, then the floats.
@Suite struct SafetensorsFileTests {
    @Test("one 2-element tensor: header length, JSON with dtype, shape and offsets, then 1.0 and -2.0")
    func oneTensor() throws {
        let data = [UInt8](SafetensorsFile.bytes([("a.weight", [2], [1, -2])]))
        let json = #"{"a.weight":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#
        let padded = (json.utf8.count + 7) / 8 * 8
        #expect(Array(data.prefix(8)) == [UInt8(padded), 0, 0, 0, 0, 0, 0, 0])
        let header = String(decoding: data[8..<(8 + padded)], as: UTF8.self)
        #expect(header.trimmingCharacters(in: .whitespaces) == json)
        #expect(Array(data.suffix(8)) == [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0])
        #expect(data.count == 8 + padded + 8)
    }

    @Test("two tensors follow each other: the second's offsets start where the first's end")
    func twoTensors() throws {
        let data = SafetensorsFile.bytes([("x", [1, 2], [1, 2]), ("y", [3], [3, 4, 5])])
        let size = Int(data[0]) | Int(data[1]) << 8
        let header = try JSONSerialization.jsonObject(with: data[8..<(8 + size)]) as? [String: [String: Any]]
        #expect(header?["x"]?["data_offsets"] as? [Int] == [0, 8])
        #expect(header?["y"]?["data_offsets"] as? [Int] == [8, 20])
        #expect(header?["y"]?["shape"] as? [Int] == [3])
        #expect(data.count == 8 + size + 20)
    }
}
