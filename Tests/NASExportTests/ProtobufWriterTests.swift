import Testing
@testable import NASExport

/// The protobuf writer against bytes worked out by hand from the encoding guide
/// (https://protobuf.dev/programming-guides/encoding/), whose examples these are.
@Suite struct ProtobufWriterTests {
    /// The bytes one write produces.
    private func bytes(_ write: (inout ProtobufWriter) -> Void) -> [UInt8] {
        var w = ProtobufWriter()
        write(&w)
        return w.bytes
    }

    @Test("varints: 0, 1, 127 in one byte, 128 and 300 in two, low group first")
    func varints() {
        #expect(bytes { $0.writeVarint(0) } == [0x00])
        #expect(bytes { $0.writeVarint(1) } == [0x01])
        #expect(bytes { $0.writeVarint(127) } == [0x7F])
        #expect(bytes { $0.writeVarint(128) } == [0x80, 0x01])
        #expect(bytes { $0.writeVarint(300) } == [0xAC, 0x02])
        // 2^35 = 7 bits × 5 groups of zeros then 1.
        #expect(bytes { $0.writeVarint(1 << 35) } == [0x80, 0x80, 0x80, 0x80, 0x80, 0x01])
    }

    @Test("an int field: key (1 << 3 | 0) = 08, then 150 = 96 01; -1 takes ten bytes")
    func intFields() {
        #expect(bytes { $0.writeInt(1, 150) } == [0x08, 0x96, 0x01])
        #expect(bytes { $0.writeInt(2, -1) } == [0x10] + [UInt8](repeating: 0xFF, count: 9) + [0x01])
        // Field 20 (AttributeProto.type): key 20 << 3 = 160 = A0 01.
        #expect(bytes { $0.writeInt(20, 7) } == [0xA0, 0x01, 0x07])
    }

    @Test("a string field: key 12, length 07, then the UTF-8 bytes of \"testing\"")
    func stringField() {
        #expect(bytes { $0.writeString(2, "testing") } == [0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6E, 0x67])
    }

    @Test("a float field: key (2 << 3 | 5) = 15, then 1.0 as 00 00 80 3F")
    func floatField() {
        #expect(bytes { $0.writeFloat(2, 1) } == [0x15, 0x00, 0x00, 0x80, 0x3F])
        #expect(bytes { $0.writeFloat(2, -2.5) } == [0x15, 0x00, 0x00, 0x20, 0xC0])
    }

    @Test("packed ints 3, 270, 86942 in field 4: 22 06 03 8E 02 9E A7 05; an empty list writes nothing")
    func packedInts() {
        #expect(bytes { $0.writePackedInts(4, [3, 270, 86942]) } == [0x22, 0x06, 0x03, 0x8E, 0x02, 0x9E, 0xA7, 0x05])
        #expect(bytes { $0.writePackedInts(4, []) } == [])
    }

    @Test("a nested message: key 1A, its length, then its fields (field 1 = 150 inside field 3)")
    func nestedMessage() {
        #expect(bytes { $0.writeMessage(3) { $0.writeInt(1, 150) } } == [0x1A, 0x03, 0x08, 0x96, 0x01])
    }

    @Test("an ONNX opset import: ModelProto field 8 holding domain \"\" (field 1) and version 17 (field 2)")
    func opsetImport() {
        let model = ONNXModel(opsetVersion: 17, producerVersion: "v", docString: "", graph: ONNXGraph(name: ""))
        let written = model.serialized()
        // The last field written is the opset import: 42 (8 << 3 | 2), length 4, 0A 00, 10 11.
        #expect(Array(written.suffix(6)) == [0x42, 0x04, 0x0A, 0x00, 0x10, 0x11])
        // The first is ir_version 8: key 08, value 08.
        #expect(Array(written.prefix(2)) == [0x08, 0x08])
    }
}
