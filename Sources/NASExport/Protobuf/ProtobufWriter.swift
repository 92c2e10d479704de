import Foundation

/// Writes protocol buffers' binary wire format: varints, 64- and 32-bit fields and
/// length-delimited fields (strings, bytes, nested messages, packed repeated numbers).
///
/// naslab only writes protobuf (ONNX models), never reads it, and the wire format is small
/// (https://protobuf.dev/programming-guides/encoding/): a field is a key
/// `(number << 3) | wireType` as a varint followed by its value. Measured on this project's
/// 2-core machine under load, a clean build of a scratch package depending on apple/swift-protobuf
/// 1.39.0's `SwiftProtobuf` library took 81.7 s (29.2 s of user CPU), before any generated ONNX
/// code, against 6.2 s (2.7 s) for the whole `NASExport` module with this writer
/// (docs/performance.md, "Architecture export"), so naslab writes the format by hand.
public struct ProtobufWriter {
    /// The wire types naslab writes.
    public enum WireType: UInt64 {
        /// int32, int64, uint, bool, enum.
        case varint = 0
        /// Fixed 64-bit values (double).
        case fixed64 = 1
        /// Strings, bytes, nested messages and packed repeated fields.
        case lengthDelimited = 2
        /// Fixed 32-bit values (float).
        case fixed32 = 5
    }

    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer.
    public init() {}

    /// Appends `value` as a base-128 varint, low group first (300 → `AC 02`).
    public mutating func writeVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Appends a field key: `(number << 3) | wireType` as a varint.
    public mutating func writeKey(_ number: Int, _ type: WireType) {
        writeVarint(UInt64(number) << 3 | type.rawValue)
    }

    /// An int32/int64/enum field; negative values take ten bytes (two's complement), as protobuf says.
    public mutating func writeInt(_ number: Int, _ value: Int64) {
        writeKey(number, .varint)
        writeVarint(UInt64(bitPattern: value))
    }

    /// A float field (fixed32, little-endian).
    public mutating func writeFloat(_ number: Int, _ value: Float) {
        writeKey(number, .fixed32)
        appendLittleEndian(value.bitPattern)
    }

    /// A string field (UTF-8, length-delimited).
    public mutating func writeString(_ number: Int, _ value: String) {
        writeBytes(number, Array(value.utf8))
    }

    /// A bytes field (length-delimited).
    public mutating func writeBytes(_ number: Int, _ value: [UInt8]) {
        writeKey(number, .lengthDelimited)
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// A nested message field, written by `body` into a writer of its own.
    public mutating func writeMessage(_ number: Int, _ body: (inout ProtobufWriter) -> Void) {
        var inner = ProtobufWriter()
        body(&inner)
        writeBytes(number, inner.bytes)
    }

    /// A packed repeated int64 field (one length-delimited run of varints); nothing when empty.
    public mutating func writePackedInts(_ number: Int, _ values: [Int64]) {
        guard !values.isEmpty else { return }
        var inner = ProtobufWriter()
        for v in values { inner.writeVarint(UInt64(bitPattern: v)) }
        writeBytes(number, inner.bytes)
    }

    /// A packed repeated float field (one length-delimited run of little-endian floats); nothing when empty.
    public mutating func writePackedFloats(_ number: Int, _ values: [Float]) {
        guard !values.isEmpty else { return }
        var inner = ProtobufWriter()
        for v in values { inner.appendLittleEndian(v.bitPattern) }
        writeBytes(number, inner.bytes)
    }

    /// Appends a 32-bit value, least significant byte first.
    private mutating func appendLittleEndian(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
