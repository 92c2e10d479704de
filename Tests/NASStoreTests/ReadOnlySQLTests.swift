import Foundation
import NASCore
import NASStore
import Testing

/// Nothing typed into a query can change the store.
@Suite("Read-only queries")
struct ReadOnlySQLTests {
    /// Row counts of every table, and the schema, to compare before and after an attempt.
    static func snapshot(_ store: SQLiteStore) throws -> [String] {
        let schema = try store.sql("SELECT name, sql FROM sqlite_master ORDER BY name").rows.map { "\($0)" }
        let counts = try ["runs", "trials", "run_metrics", "evaluators", "latency_tables"].map {
            "\($0)=\(try store.sql("SELECT COUNT(*) FROM \($0)").rows[0][0])"
        }
        let values = try store.sql("SELECT group_concat(architecture || accuracy) FROM trials").rows.map { "\($0)" }
        return schema + counts + values
    }

    static func populated() throws -> SQLiteStore {
        let store = try StoreFixture.store()
        let id = try store.createRun(StoreFixture.run())
        try store.insertFinishedTrials(StoreFixture.trials(run: id, count: 20, seed: 9))
        return store
    }

    @Test("sql() answers a SELECT and a WITH query")
    func selects() throws {
        let store = try Self.populated()
        let table = try store.sql("select seq, accuracy from trials where status = 'done' order by seq limit 3;")
        #expect(table.columns == ["seq", "accuracy"])
        #expect(table.column("seq")?.compactMap(\.doubleValue) == [1, 2, 3])
        let with = try store.sql("WITH f AS (SELECT * FROM trials WHERE status = 'failed') SELECT COUNT(*) AS n FROM f")
        #expect(with.rows[0][0].doubleValue == 2)
    }

    @Test("statements that write, several statements and tricks are refused, and nothing changes",
          arguments: [
            "delete from trials",
            "DELETE FROM trials WHERE 1",
            "select 1; drop table trials",
            "select 1;drop table trials;",
            "SELECT 1; DELETE FROM runs",
            "WITH x AS (SELECT 1) DELETE FROM trials",
            "update trials set accuracy = 1",
            "insert into runs default values",
            "drop table trials",
            "PRAGMA writable_schema = 1",
            "PRAGMA journal_mode = DELETE",
            "ATTACH DATABASE '/tmp/naslab-evil.sqlite' AS evil",
            "VACUUM",
            "create table x(a)",
            "select load_extension('/tmp/evil')",
            "-- comment\ndelete from trials",
            "/* hi */ delete from trials",
          ])
    func refused(_ text: String) throws {
        let store = try Self.populated()
        let before = try Self.snapshot(store)
        #expect(throws: (any Error).self) { try store.sql(text) }
        #expect(try Self.snapshot(store) == before)
    }

    @Test("values in where steps travel as parameters and cannot inject SQL",
          arguments: [
            "x'; DROP TABLE trials; --",
            "' OR '1'='1",
            "\"; DELETE FROM runs; --",
            "arch-0') OR 1=1 --",
          ])
    func valueInjection(_ value: String) throws {
        let store = try Self.populated()
        let before = try Self.snapshot(store)
        let table = try store.trialsTable(run: nil, query: TableQuery(filter: .compare("arch", .equal, .string(value))))
        #expect(table.count == 0)
        #expect(try Self.snapshot(store) == before)
    }

    @Test("column names are checked against the whitelist, never pasted into SQL")
    func columnInjection() throws {
        let store = try Self.populated()
        let before = try Self.snapshot(store)
        for name in ["accuracy; DROP TABLE trials", "accuracy) OR (1=1", "t.id", "metrics"] {
            #expect(throws: StoreError.self) {
                try store.trialsTable(run: nil, query: TableQuery(sort: [TableSort(name)]))
            }
            #expect(throws: StoreError.self) {
                try store.trialsTable(run: nil, query: TableQuery(columns: [name]))
            }
        }
        #expect(try Self.snapshot(store) == before)
    }
}
