import Foundation
import GRDB
import NASCore

extension SQLiteStore {
    @discardableResult
    public func saveLatencyTable(_ info: LatencyTableInfo, entries: [String: Double]) throws -> Int64 {
        try saveLatencyTable(info, rows: entries.map { LatencyTableEntry(key: $0.key, seconds: $0.value) })
    }

    @discardableResult
    public func saveLatencyTable(_ info: LatencyTableInfo, rows: [LatencyTableEntry]) throws -> Int64 {
        try write { db in
            try db.execute(sql: """
                INSERT INTO latency_tables(name, device, batch, threads, engine_version, measured_at, space, input, classes,
                                           kind, measurements, method) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [info.name, info.device, info.batch, info.threads, info.engineVersion,
                                 info.date.timeIntervalSince1970, info.space, info.input, info.classes, info.kind,
                                 info.measurements, info.method])
            let id = db.lastInsertedRowID
            let statement = try db.cachedStatement(sql: "INSERT INTO latency_entries(table_id, key, seconds, cv) VALUES (?, ?, ?, ?)")
            for row in rows {
                try statement.execute(arguments: [id, row.key, row.seconds, row.cv])
            }
            return id
        }
    }

    public func latencyEntries(_ name: String) throws -> [String: Double] {
        try read { db in
            let id = try Self.latestLatencyTable(name, db)
            let rows = try Row.fetchAll(db, sql: "SELECT key, seconds FROM latency_entries WHERE table_id = ?", arguments: [id])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["key"] as String, $0["seconds"] as Double) })
        }
    }

    public func latencyTableContents(_ name: String) throws -> (info: LatencyTableInfo, rows: [LatencyTableEntry]) {
        try read { db in
            let id = try Self.latestLatencyTable(name, db)
            let row = try Row.fetchOne(db, sql: "SELECT * FROM latency_tables WHERE id = ?", arguments: [id])!
            let info = Self.latencyInfo(row)
            let entries = try Row.fetchAll(db, sql: "SELECT key, seconds, cv FROM latency_entries WHERE table_id = ? ORDER BY key",
                                           arguments: [id])
            return (info, entries.map { LatencyTableEntry(key: $0["key"], seconds: $0["seconds"], cv: $0["cv"]) })
        }
    }

    public func latencyTable(_ name: String, query: TableQuery) throws -> NASCore.Table {
        try read { db in
            let id = try Self.latestLatencyTable(name, db)
            let builder = SQLQueryBuilder(catalogue: .latency, from: "latency_entries e",
                                          baseConditions: [("e.table_id = ?", [id.databaseValue])], tieBreaker: "e.key")
            return try Self.fetchTable(builder.build(query), db)
        }
    }

    public func latencyTables() throws -> NASCore.Table {
        try read { db in Self.latencyTablesTable(try Row.fetchAll(db, sql: Self.latencyTablesSQL)) }
    }

    /// A latency table's description from its `latency_tables` row.
    static func latencyInfo(_ row: Row) -> LatencyTableInfo {
        LatencyTableInfo(name: row["name"], device: row["device"], batch: row["batch"], threads: row["threads"],
                         engineVersion: row["engine_version"],
                         date: Date(timeIntervalSince1970: row["measured_at"]), space: row["space"],
                         input: row["input"], classes: row["classes"], kind: row["kind"],
                         measurements: row["measurements"], method: row["method"])
    }

    /// The query behind `latencyTables()`.
    static let latencyTablesSQL = """
        SELECT l.name, l.kind, l.space, l.device, l.batch, l.threads, l.input, l.engine_version, l.measured_at,
               l.measurements, (SELECT COUNT(*) FROM latency_entries e WHERE e.table_id = l.id) AS entries
        FROM latency_tables l ORDER BY l.id
        """

    /// The table of every latency table's description, from the rows of `latencyTablesSQL`.
    static func latencyTablesTable(_ rows: [Row]) -> NASCore.Table {
        let cells: [[Cell]] = rows.map { row in
            [.string(row["name"]), .string(row["kind"]), .string(row["space"]), .string(row["device"]),
             .number(.scalar(Double(row["batch"] as Int))), .number(.scalar(Double(row["threads"] as Int))),
             .string(row["input"]), .string(row["engine_version"]), .string(CellReader.dateText(row["measured_at"])),
             .number(Quantity(Double(row["entries"] as Int), hint: .count)),
             .number(Quantity(Double(row["measurements"] as Int), hint: .count))]
        }
        return NASCore.Table(columns: ["name", "kind", "space", "device", "batch", "threads", "input", "engine", "date",
                                       "entries", "measurements"], rows: cells)
    }

    /// The id of the latest latency table of a name, or an error listing the known names.
    private static func latestLatencyTable(_ name: String, _ db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM latency_tables WHERE name = ?", arguments: [name]) {
            return id
        }
        let known = try String.fetchAll(db, sql: "SELECT DISTINCT name FROM latency_tables ORDER BY name")
        throw StoreError.noSuchLatencyTable(name, available: known)
    }
}
