import NASCore
import Foundation

/// The small JSON forms the store writes (metrics, curves, tokens, settings), written by hand
/// because it is on the hot path of bulk inserts; non-finite numbers become `"nan"`, `"inf"`, `"-inf"`.
enum StoreJSON {
    /// `{"accuracy":0.93,"loss":0.2}` with keys sorted.
    static func object(_ values: [String: Double]) -> String {
        text { appendObject(sortedPairs(values), to: &$0) }
    }

    /// `{"population":"20"}` with keys sorted.
    static func object(_ values: [String: String]) -> String {
        text { out in
            out.append(UInt8(ascii: "{"))
            for (i, pair) in values.sorted(by: { $0.key < $1.key }).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                appendQuoted(pair.key, to: &out)
                out.append(UInt8(ascii: ":"))
                appendQuoted(pair.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// `[0.5,0.7]`.
    static func array(_ values: [Double]) -> String { text { appendArray(values, to: &$0) } }

    /// `[0,3,1]`.
    static func array(_ values: [Int]) -> String { text { appendArray(values, to: &$0) } }

    /// A JSON number, or a string for a non-finite value.
    static func number(_ v: Double) -> String { text { appendNumber(v, to: &$0) } }

    /// A JSON string literal.
    static func quoted(_ s: String) -> String { text { appendQuoted(s, to: &$0) } }

    /// The text `write` puts into an empty byte buffer.
    private static func text(_ write: (inout [UInt8]) -> Void) -> String {
        var out: [UInt8] = []
        write(&out)
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Writing UTF-8 bytes (the bulk-insert path writes a row's text into one reused buffer)

    /// A metrics dictionary's entries sorted by name, the order objects are written in.
    static func sortedPairs(_ values: [String: Double]) -> [(key: String, value: Double)] {
        values.sorted { $0.key < $1.key }
    }

    /// Appends `{"accuracy":0.93,"loss":0.2}` for entries already sorted by name.
    static func appendObject(_ pairs: [(key: String, value: Double)], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (i, pair) in pairs.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendQuoted(pair.key, to: &out)
            out.append(UInt8(ascii: ":"))
            appendNumber(pair.value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Appends `[0.5,0.7]`.
    static func appendArray(_ values: [Double], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, v) in values.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendNumber(v, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// Appends `[0,3,1]`.
    static func appendArray(_ values: [Int], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, v) in values.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            if (0...9).contains(v) { out.append(UInt8(ascii: "0") + UInt8(v)) } else { out.append(contentsOf: String(v).utf8) }
        }
        out.append(UInt8(ascii: "]"))
    }

    /// Appends a JSON number (Swift's shortest round-trip form), or a string for a non-finite value.
    static func appendNumber(_ v: Double, to out: inout [UInt8]) {
        if v.isNaN {
            out.append(contentsOf: "\"nan\"".utf8)
        } else if v.isInfinite {
            out.append(contentsOf: (v > 0 ? "\"inf\"" : "\"-inf\"").utf8)
        } else {
            appendRaw(v.description, to: &out)
        }
    }

    /// Appends a string's UTF-8 bytes as they are (a plain text column, not JSON).
    static func appendRaw(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }

    /// Appends a JSON string literal.
    static func appendQuoted(_ s: String, to out: inout [UInt8]) { JSONText.appendQuoted(s, to: &out) }

    /// Reads back a value written by this type.
    static func decode<T: Decodable>(_ type: T.Type, from text: String, field: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.corrupt("\(field): \(text.prefix(80))")
        }
    }
}
