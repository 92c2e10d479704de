import Foundation

/// The small JSON forms the store writes (metrics, curves, tokens, settings), written by hand
/// because it is on the hot path of bulk inserts; non-finite numbers become `"nan"`, `"inf"`, `"-inf"`.
enum StoreJSON {
    /// `{"accuracy":0.93,"loss":0.2}` with keys sorted.
    static func object(_ values: [String: Double]) -> String {
        var out = "{"
        out.reserveCapacity(24 * values.count + 2)
        for (i, key) in values.keys.sorted().enumerated() {
            if i > 0 { out += "," }
            appendQuoted(key, to: &out)
            out += ":"
            out += number(values[key]!)
        }
        return out + "}"
    }

    /// `{"population":"20"}` with keys sorted.
    static func object(_ values: [String: String]) -> String {
        var out = "{"
        for (i, key) in values.keys.sorted().enumerated() {
            if i > 0 { out += "," }
            appendQuoted(key, to: &out)
            out += ":"
            appendQuoted(values[key]!, to: &out)
        }
        return out + "}"
    }

    /// `[0.5,0.7]`.
    static func array(_ values: [Double]) -> String {
        var out = "["
        for (i, v) in values.enumerated() {
            if i > 0 { out += "," }
            out += number(v)
        }
        return out + "]"
    }

    /// `[0,3,1]`.
    static func array(_ values: [Int]) -> String {
        var out = "["
        for (i, v) in values.enumerated() {
            if i > 0 { out += "," }
            out += String(v)
        }
        return out + "]"
    }

    /// A JSON number, or a string for a non-finite value.
    static func number(_ v: Double) -> String {
        if v.isNaN { return "\"nan\"" }
        if v.isInfinite { return v > 0 ? "\"inf\"" : "\"-inf\"" }
        return "\(v)"
    }

    /// A JSON string literal.
    static func quoted(_ s: String) -> String {
        var out = ""
        appendQuoted(s, to: &out)
        return out
    }

    /// Appends a JSON string literal.
    static func appendQuoted(_ s: String, to out: inout String) {
        out += "\""
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

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
