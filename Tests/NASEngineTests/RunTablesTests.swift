import Foundation
import NASCore
import NASStore
import Testing
@testable import NASEngine

/// Store-backed tables as the engine hands them to the language (NASStore's source over a
/// run's trials): `where`/`sort`/`take`/`select` fuse into the store's query, the rest falls
/// back to memory, and either way the rows equal the in-memory verbs on all the rows.
@Suite struct RunTablesTests {
    /// A store with one finished run of 40 synthetic trials.
    private func runStore() throws -> (SQLiteStore, Int64) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-sts-\(UUID())")
        let store = try SQLiteStore(path: dir.appendingPathComponent("store.sqlite").path)
        let manager = RunManager(store: store)
        let handle = try manager.launch(strategy: RunTestRandomStrategy(space: RunTestSpace(), seed: 4), space: RunTestSpace(),
                                        evaluator: RunTestEvaluator(), settings: RunSettings(budget: .trials(40), seed: 1))
        handle.wait()
        return (store, handle.id)
    }

    @Test func aPipelineRunsInTheStoreAndAgreesWithMemory() throws {
        let (store, run) = try runStore()
        let source = try StoreTableSource(store: store, table: .trials(run: run))
        let ops: [TableOp] = [
            .filter(.binary(.greater, .column("accuracy"), .literal(.number(Quantity(0.55))))),
            .sort([SortKey("accuracy", descending: true), SortKey("trial")]),
            .take(7),
            .select(["trial", "accuracy", "latency"]),
        ]
        var pushed: any TableSource = source
        for op in ops {
            let next = try pushed.apply(op)
            #expect(next is StoreTableSource, "\(op) was not fused into the query")
            pushed = try #require(next)
        }
        var memory = try source.materialize()
        for op in ops { memory = try memory.applying(op) }
        #expect(try pushed.materialize() == memory)
        #expect((1...7).contains(memory.count))
    }

    @Test func stepsTheStoreCannotRunFallBackToMemory() throws {
        let (store, run) = try runStore()
        let source = try StoreTableSource(store: store, table: .trials(run: run))
        #expect(try source.apply(.extend("twice", .binary(.multiply, .column("accuracy"), .literal(.number(Quantity(2)))))) == nil)
        #expect(try source.apply(.summarize(groupBy: [], aggregates: [Aggregate(name: "n", function: .count, column: nil)])) == nil)
        let limited = try #require(try source.apply(.take(3)))
        // A where after a take would change its meaning if fused.
        #expect(try limited.apply(.filter(.binary(.greater, .column("trial"), .literal(.number(Quantity(1)))))) == nil)
        let fallback = try limited.applyingOrMaterializing(.filter(.binary(.greater, .column("trial"), .literal(.number(Quantity(1))))))
        #expect(try fallback.materialize().count == 2)
    }

    @Test func theRunsTableListsTheRun() throws {
        let (store, run) = try runStore()
        let runs = try StoreTableSource(store: store, table: .runs).materialize()
        #expect(runs.count == 1)
        #expect(runs.columns.contains("strategy"))
        #expect(try StoreTableSource(store: store, table: .trials(run: run)).materialize().count == 40)
    }
}
