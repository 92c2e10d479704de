import GRDB
import GRDBSQLite

/// Binds positional values straight to a prepared statement through the SQLite C API.
///
/// Used on the bulk-insert path, where building a `StatementArguments` per row costs as much
/// as SQLite's own work; strings are copied by SQLite (`SQLITE_TRANSIENT`).
enum SQLiteBinding {
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// Binds `values` to parameters 1...n of `statement` (which must have exactly n).
    static func bind(_ values: [DatabaseValue], to statement: Statement) throws {
        guard values.count == Int(sqlite3_bind_parameter_count(statement.sqliteStatement)) else {
            throw StoreError.database("\(values.count) values for a statement with other parameters")
        }
        // Resets the statement, clears its bindings and tells GRDB they are set; then bind ourselves.
        statement.setUncheckedArguments(StatementArguments())
        let handle = statement.sqliteStatement
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value.storage {
            case .null: code = sqlite3_bind_null(handle, index)
            case .int64(let x): code = sqlite3_bind_int64(handle, index, x)
            case .double(let x): code = sqlite3_bind_double(handle, index, x)
            case .string(let x): code = sqlite3_bind_text(handle, index, x, -1, transient)
            case .blob(let data):
                code = data.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), transient) }
            }
            guard code == SQLITE_OK else { throw StoreError.database("cannot bind parameter \(index) (SQLite code \(code))") }
        }
    }
}
