import Foundation
import GRDB
import NASCore

extension PostgresStore {
    @discardableResult
    public func saveLatencyTable(_ info: LatencyTableInfo, entries: [String: Double]) throws -> Int64 {
        try saveLatencyTable(info, rows: entries.map { LatencyTableEntry(key: $0.key, seconds: $0.value) })
    }

    @discardableResult
    public func saveLatencyTable(_ info: LatencyTableInfo, rows: [LatencyTableEntry]) throws -> Int64 {
        try write { connection in
            let id = try Self.id(connection.query("""
                INSERT INTO latency_tables(name, device, batch, threads, engine_version, measured_at, space, input, classes,
                                           kind, measurements, method) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """, [info.name, info.device, info.batch, info.threads, info.engineVersion,
                      info.date.timeIntervalSince1970, info.space, info.input, info.classes, info.kind,
                      info.measurements, info.method]))
            var start = rows.startIndex
            while start < rows.endIndex {
                let batch = rows[start..<min(start + 1000, rows.endIndex)]
                let placeholders = Array(repeating: "(?, ?, ?, ?)", count: batch.count).joined(separator: ", ")
                let values = batch.flatMap { [id, $0.key, $0.seconds, $0.cv] as [(any DatabaseValueConvertible)?] }
                try connection.query("INSERT INTO latency_entries(table_id, key, seconds, cv) VALUES " + placeholders, values)
                start = batch.endIndex
            }
            return id
        }
    }

    public func latencyEntries(_ name: String) throws -> [String: Double] {
        try read { connection in
            let id = try Self.latestLatencyTable(name, connection)
            let rows = try connection.query("SELECT key, seconds FROM latency_entries WHERE table_id = ?", [id]).rows
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["key"] as String, $0["seconds"] as Double) })
        }
    }

    public func latencyTableContents(_ name: String) throws -> (info: LatencyTableInfo, rows: [LatencyTableEntry]) {
        try read { connection in
            let id = try Self.latestLatencyTable(name, connection)
            guard let row = try connection.query("SELECT * FROM latency_tables WHERE id = ?", [id]).rows.first else {
                throw StoreError.noSuchLatencyTable(name, available: [])
            }
            let entries = try connection.query("SELECT key, seconds, cv FROM latency_entries WHERE table_id = ? ORDER BY key",
                                               [id]).rows
            return (SQLiteStore.latencyInfo(row),
                    entries.map { LatencyTableEntry(key: $0["key"], seconds: $0["seconds"], cv: $0["cv"]) })
        }
    }

    public func latencyTable(_ name: String, query: TableQuery) throws -> NASCore.Table {
        try read { connection in
            let id = try Self.latestLatencyTable(name, connection)
            let builder = SQLQueryBuilder(catalogue: .latency, from: "latency_entries e",
                                          baseConditions: [("e.table_id = ?", [id.databaseValue])], tieBreaker: "e.key")
            return try Self.fetchTable(builder.build(query), connection)
        }
    }

    public func latencyTables() throws -> NASCore.Table {
        try read { connection in SQLiteStore.latencyTablesTable(try connection.query(SQLiteStore.latencyTablesSQL).rows) }
    }

    /// The id of the latest latency table of a name, or an error listing the known names.
    private static func latestLatencyTable(_ name: String, _ connection: PostgresConnection) throws -> Int64 {
        if let value = try connection.query("SELECT MAX(id) FROM latency_tables WHERE name = ?", [name]).scalar,
           let id = Int64.fromDatabaseValue(value) {
            return id
        }
        let known = try connection.query("SELECT DISTINCT name FROM latency_tables ORDER BY name").values
            .compactMap { String.fromDatabaseValue($0[0]) }
        throw StoreError.noSuchLatencyTable(name, available: known)
    }
}
