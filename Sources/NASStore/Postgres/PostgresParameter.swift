import Foundation
import GRDB

/// One statement parameter as libpq takes it: a type, bytes and a format.
///
/// Numbers and text travel as text with an explicit type (so `seq > 2.5` compares as a double,
/// as SQLite does, instead of failing to read 2.5 as a bigint); blobs travel as binary `bytea`.
struct PostgresParameter {
    /// The parameter's type OID (0: let the server infer it).
    let type: UInt32
    /// The value's bytes (nil: SQL NULL).
    let bytes: [UInt8]?
    /// 0 for text, 1 for binary.
    let format: Int32

    /// The parameter of a value.
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self.init(type: 0, bytes: nil, format: 0)
        case .int64(let i): self.init(type: PostgresType.int8, bytes: Array(String(i).utf8), format: 0)
        case .double(let d) where d.isNaN: self.init(type: PostgresType.float8, bytes: nil, format: 0)   // SQLite keeps NaN as NULL
        case .double(let d): self.init(type: PostgresType.float8, bytes: Array(Self.text(d).utf8), format: 0)
        case .string(let s): self.init(type: PostgresType.text, bytes: Array(s.utf8), format: 0)
        case .blob(let data): self.init(type: PostgresType.bytea, bytes: Array(data), format: 1)
        }
    }

    /// A parameter from its parts.
    private init(type: UInt32, bytes: [UInt8]?, format: Int32) {
        self.type = type
        self.bytes = bytes
        self.format = format
    }

    /// A double as PostgreSQL reads it back exactly.
    static func text(_ d: Double) -> String {
        if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
        return "\(d)"
    }
}
