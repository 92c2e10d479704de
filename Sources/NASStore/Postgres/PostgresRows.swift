import CLibPQ
import Foundation
import GRDB

/// The rows of a PostgreSQL result, read into SQLite's storage classes.
///
/// Integers (and booleans, as 0/1) become int64, floating and numeric values double, `bytea`
/// a blob, everything else text: the same classes SQLite gives for the same columns.
struct PostgresRows {
    /// The column names, in order.
    let columns: [String]
    /// The rows' values.
    let values: [[DatabaseValue]]
    /// The number of rows a command changed (`UPDATE`, `DELETE`, `INSERT`).
    let changes: Int

    /// Reads every row of a result (which the caller frees).
    init(_ result: OpaquePointer) {
        let fieldCount = PQnfields(result), rowCount = PQntuples(result)
        columns = (0..<fieldCount).map { String(cString: PQfname(result, $0)) }
        let types = (0..<fieldCount).map { PQftype(result, $0) }
        values = (0..<rowCount).map { row in
            (0..<fieldCount).map { field in
                if PQgetisnull(result, row, field) != 0 { return .null }
                return Self.value(String(cString: PQgetvalue(result, row, field)), type: types[Int(field)])
            }
        }
        changes = Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    /// The rows as GRDB rows (by column name), for the records' readers.
    var rows: [Row] {
        values.map { row in
            Row(Dictionary(columns.indices.map { (columns[$0], row[$0] as (any DatabaseValueConvertible)?) },
                           uniquingKeysWith: { first, _ in first }))
        }
    }

    /// The first value of the first row (nil when there is no row).
    var scalar: DatabaseValue? { values.first?.first }

    /// A value from its text form and type.
    static func value(_ text: String, type: UInt32) -> DatabaseValue {
        switch type {
        case PostgresType.int8, PostgresType.int2, PostgresType.int4, PostgresType.oid, PostgresType.xid8:
            return Int64(text).map { $0.databaseValue } ?? text.databaseValue
        case PostgresType.float4, PostgresType.float8, PostgresType.numeric:
            return double(text).map { $0.databaseValue } ?? text.databaseValue
        case PostgresType.bool:
            return (text == "t" ? 1 : 0).databaseValue
        case PostgresType.bytea:
            return hexBytes(text).map { $0.databaseValue } ?? text.databaseValue
        default:
            return text.databaseValue
        }
    }

    /// A floating value, including PostgreSQL's spellings of the non-finite ones.
    private static func double(_ text: String) -> Double? {
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: return Double(text)
        }
    }

    /// The bytes of `bytea` in hex output form (`\x0a1b…`).
    private static func hexBytes(_ text: String) -> Data? {
        guard text.hasPrefix("\\x") else { return nil }
        let digits = Array(text.utf8.dropFirst(2))
        guard digits.count % 2 == 0 else { return nil }
        var data = Data(capacity: digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            data.append(high << 4 | low)
            index += 2
        }
        return data
    }

    /// The value of one hex digit.
    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
