import Foundation

/// A decoded "NCS1" column store: the compact format `scripts/data/pack_nb201.py` writes.
///
/// Layout (little-endian, after gzip decompression): the magic `NCS1`, a `UInt32` header length,
/// a UTF-8 header (`rows<TAB>N`, then `name<TAB>type<TAB>scale` per column), then the columns.
/// Integer columns (`i8`, `i16`, `i32`, `i64`; a trailing `s` means byte-plane shuffled) hold
/// `value · 10^scale`, so decoding divides by `10^scale` and gives exactly the double that the
/// source CSV's decimal text denotes; the type's minimum marks a missing value (decoded as NaN).
/// String columns hold a `UInt32` byte length and the strings joined by newlines.
struct ColumnStore: Sendable {
    /// The number of rows.
    let rowCount: Int
    /// Column names, in file order.
    let columnNames: [String]
    private let numbers: [String: [Double]]
    private let texts: [String: [String]]

    /// Decodes a store; `source` names the file in errors.
    init(decompressed data: Data, source: String) throws {
        var reader = ColumnStoreReader(bytes: [UInt8](data), source: source)
        let header = try reader.header()
        var numbers: [String: [Double]] = [:]
        var texts: [String: [String]] = [:]
        for column in header.columns {
            if column.type == "str" {
                texts[column.name] = try reader.strings(count: header.rows)
            } else {
                numbers[column.name] = try reader.numbers(count: header.rows, type: column.type, scale: column.scale)
            }
        }
        self.rowCount = header.rows
        self.columnNames = header.columns.map(\.name)
        self.numbers = numbers
        self.texts = texts
    }

    /// Loads a shipped store by file name.
    static func bundled(_ fileName: String) throws -> ColumnStore {
        try ColumnStore(decompressed: try BundledResource.required(fileName), source: fileName)
    }

    /// A numeric column (NaN where missing).
    func numbers(_ name: String) throws -> [Double] {
        guard let column = numbers[name] else { throw missing(name) }
        return column
    }

    /// A string column.
    func strings(_ name: String) throws -> [String] {
        guard let column = texts[name] else { throw missing(name) }
        return column
    }

    private func missing(_ name: String) -> BenchmarkError {
        BenchmarkError("the shipped table has no column '\(name)'; it has \(columnNames.joined(separator: ", "))")
    }
}

/// A cursor over the bytes of an NCS1 store.
private struct ColumnStoreReader {
    struct Column {
        var name: String
        var type: String
        var scale: Int
    }

    let bytes: [UInt8]
    let source: String
    var offset = 0

    init(bytes: [UInt8], source: String) {
        self.bytes = bytes
        self.source = source
    }

    mutating func header() throws -> (rows: Int, columns: [Column]) {
        guard bytes.count >= 8, Array(bytes[0..<4]) == Array("NCS1".utf8) else { throw corrupt("it does not start with NCS1") }
        offset = 4
        let length = Int(try uint32())
        let text = String(decoding: try take(length), as: UTF8.self)
        var lines = text.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        guard let first = lines.first, first.count == 2, first[0] == "rows", let rows = Int(first[1]) else {
            throw corrupt("its header does not start with the row count")
        }
        lines.removeFirst()
        let columns = try lines.map { fields -> Column in
            guard fields.count == 3, let scale = Int(fields[2]) else { throw corrupt("bad column line '\(fields.joined(separator: " "))'") }
            return Column(name: fields[0], type: fields[1], scale: scale)
        }
        return (rows, columns)
    }

    mutating func strings(count: Int) throws -> [String] {
        let length = Int(try uint32())
        let slice = try take(length)
        let parts = slice.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard parts.count == count else { throw corrupt("a string column has \(parts.count) values for \(count) rows") }
        return parts.map { String(decoding: $0, as: UTF8.self) }
    }

    mutating func numbers(count: Int, type: String, scale: Int) throws -> [Double] {
        let shuffled = type.hasSuffix("s")
        let widths = ["i8": 1, "i16": 2, "i32": 4, "i64": 8]
        guard let width = widths[shuffled ? String(type.dropLast()) : type] else { throw corrupt("unknown column type \(type)") }
        let raw = try take(count * width)
        let divisor = (0..<scale).reduce(1.0) { acc, _ in acc * 10 }
        let missing = Int64.min >> (64 - 8 * width)
        var values = [Double](repeating: .nan, count: count)
        raw.withUnsafeBufferPointer { buffer in
            for row in 0..<count {
                var bits: UInt64 = 0
                for byte in 0..<width {
                    let position = shuffled ? byte * count + row : row * width + byte
                    bits |= UInt64(buffer[position]) << (8 * UInt64(byte))
                }
                let shift = UInt64(64 - 8 * width)
                let value = Int64(bitPattern: bits << shift) >> shift
                if value != missing { values[row] = Double(value) / divisor }
            }
        }
        return values
    }

    mutating func uint32() throws -> UInt32 {
        try take(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count else { throw corrupt("it ends early") }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    func corrupt(_ why: String) -> BenchmarkError {
        BenchmarkError("the shipped table \(source) is corrupt: \(why)")
    }
}
