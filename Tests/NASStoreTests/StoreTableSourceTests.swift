import Foundation
import NASCore
import NASStore
import Testing

/// Pipelines run by the store against the same pipelines run in memory by `Table.applying`
/// (the language's own verbs) over the materialised table.
private func col(_ name: String) -> TableExpr { .column(name) }
private func num(_ q: Quantity) -> TableExpr { .literal(.number(q)) }
private func cmp(_ op: TableBinaryOperator, _ a: TableExpr, _ b: TableExpr) -> TableExpr { .binary(op, a, b) }

@Suite("Store table source")
struct StoreTableSourceTests {
    static func source() throws -> (StoreTableSource, Int64) {
        let (store, runs, _) = try StoreQueryTests.fixture()
        return (try StoreTableSource(store: store, table: .trials(run: nil)), runs[0])
    }


    /// Runs the steps through the source, counting how many it fused, and in memory.
    static func both(_ source: StoreTableSource, _ ops: [TableOp]) throws -> (store: Table, memory: Table, fused: Int) {
        var current: any TableSource = source
        var fused = 0
        for op in ops {
            if let pushed = try current.apply(op) {
                current = pushed
                if pushed is StoreTableSource { fused += 1 }
            } else {
                current = try current.materialize().applying(op)
            }
        }
        var memory = try source.materialize()
        for op in ops { memory = try memory.applying(op) }
        return (try current.materialize(), memory, fused)
    }

    static let pipelines: [[TableOp]] = [
        [.filter(cmp(.less, col("latency"), num(.seconds(0.005)))), .sort([SortKey("accuracy", descending: true)]), .take(10)],
        [.filter(cmp(.and, cmp(.equal, col("status"), .literal(.string("done"))),
                         cmp(.greater, num(.fraction(0.5)), col("accuracy")))),
         .sort([SortKey("latency")]), .select(["trial", "latency", "accuracy"])],
        [.filter(.unary(.not, cmp(.less, col("energy"), num(.scalar(5))))), .sort([SortKey("energy", descending: true)])],
        [.filter(cmp(.or, cmp(.notEqual, col("latency"), num(.seconds(0.004))),
                         cmp(.equal, col("error"), .literal(.null))))],
        [.filter(cmp(.equal, col("latency"), .literal(.null))), .take(7)],
        [.sort([SortKey("run", descending: true), SortKey("params")]), .take(25), .select(["run", "params"])],
        [.filter(.column("cached"))],
        [.filter(.unary(.not, .column("cached"))), .take(3)],
        // Steps that cannot fuse fall back to memory and still agree.
        [.take(20), .filter(cmp(.greater, col("accuracy"), num(.fraction(0.3))))],
        [.take(50), .sort([SortKey("accuracy")])],
        [.filter(cmp(.greater, cmp(.multiply, col("accuracy"), num(.scalar(2))), num(.scalar(1))))],
        [.select(["trial", "accuracy"]), .extend("double", cmp(.multiply, col("accuracy"), num(.scalar(2)))), .take(4)],
    ]

    @Test("store pipelines give the rows the in-memory verbs give", arguments: pipelines.indices)
    func agreesWithMemory(index: Int) throws {
        let (source, _) = try Self.source()
        let result = try Self.both(source, Self.pipelines[index])
        #expect(result.store.columns == result.memory.columns)
        #expect(result.store.rows == result.memory.rows)
        // Every pipeline but `where cached` (no trial of the fixture is cached) keeps some rows.
        #expect(result.memory.rows.isEmpty == (index == 6))
    }

    @Test("a where-sort-take-select pipeline becomes one store query")
    func fusesIntoOneQuery() throws {
        let (source, _) = try Self.source()
        let result = try Self.both(source, Self.pipelines[1])
        #expect(result.fused == 3)
        let pushed = try #require(try source.apply(.filter(cmp(.less, col("latency"), num(.seconds(0.005)))))
                                  as? StoreTableSource)
        #expect(pushed.query.filter == TableFilter.compare("latency", .less, .number(.seconds(0.005))))
        let arithmetic = try source.apply(.filter(cmp(.greater, cmp(.multiply, col("accuracy"), num(.scalar(2))),
                                                          num(.scalar(1)))))
        #expect(arithmetic == nil)
        #expect(try source.apply(.take(3))?.apply(.sort([SortKey("accuracy")])) == nil)
    }

    @Test("a missing column is reported like the in-memory verbs, with a suggestion")
    func missingColumn() throws {
        let (source, _) = try Self.source()
        let table = try source.materialize()
        for op: TableOp in [.filter(cmp(.less, col("acuracy"), num(.fraction(0.5)))), .sort([SortKey("acuracy")]),
                            .select(["acuracy"])] {
            var storeError: TableError?
            var memoryError: TableError?
            do { _ = try source.apply(op) } catch let e as TableError { storeError = e }
            do { _ = try table.applying(op) } catch let e as TableError { memoryError = e }
            #expect(storeError != nil)
            #expect(storeError == memoryError)
            #expect(storeError?.description.contains("accuracy") == true)
        }
    }

    @Test("a constant of the wrong unit is refused, as in memory")
    func wrongUnit() throws {
        let (source, _) = try Self.source()
        let op = TableOp.filter(cmp(.less, col("latency"), num(.scalar(4))))
        #expect(throws: (any Error).self) { try source.apply(op) }
        #expect(throws: (any Error).self) { try source.materialize().applying(op) }
    }

    @Test("runs and latency tables are sources too")
    func otherTables() throws {
        let store = try StoreFixture.store()
        _ = try store.createRun(StoreFixture.run(seed: 1))
        _ = try store.createRun(StoreFixture.run(seed: 2))
        let runs = try StoreTableSource(store: store, table: .runs)
        #expect(try runs.apply(.filter(cmp(.equal, col("seed"), num(.scalar(2)))))?.materialize().count == 1)
        try store.saveLatencyTable(LatencyTableInfo(name: "lut", device: "cpu", batch: 1, threads: 1, engineVersion: "t"),
                                   entries: ["a": 0.001, "b": 0.002, "c": 0.003])
        let lut = try StoreTableSource(store: store, table: .latency("lut"))
        #expect(lut.columns == ["key", "latency", "cv"])   // each entry's coefficient of variation (nil for tables saved without one)
        let fast = try lut.apply(.filter(cmp(.greaterOrEqual, col("latency"), num(.seconds(0.002)))))?
            .apply(.sort([SortKey("latency", descending: true)]))?.materialize()
        #expect(fast?.column("key") == [.string("c"), .string("b")])
    }
}
