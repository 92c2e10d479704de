import Foundation
import NASCore
import NASSpaces
import NASStore
import Testing

/// Queries translated to SQL against the same pipeline computed in Swift over the records.
@Suite("Store queries")
struct StoreQueryTests {
    /// Two runs of random trials, and their records.
    static func fixture() throws -> (SQLiteStore, [Int64], [TrialRecord]) {
        let store = try StoreFixture.store()
        let first = try store.createRun(StoreFixture.run(seed: 1))
        let second = try store.createRun(StoreFixture.run(seed: 2))
        let a = StoreFixture.trials(run: first, count: 200, seed: 1)
        let b = StoreFixture.trials(run: second, count: 150, seed: 2)
        try store.insertFinishedTrials(a)
        try store.insertFinishedTrials(b)
        return (store, [first, second], a + b)
    }

    /// The (run, trial) pairs of a table.
    static func keys(_ table: Table) -> [[Double]] {
        let run = table.columnIndex("run")!
        let trial = table.columnIndex("trial")!
        return table.rows.map { [$0[run].doubleValue!, $0[trial].doubleValue!] }
    }

    static func keys(_ trials: [TrialRecord]) -> [[Double]] {
        trials.map { [Double($0.runID), Double($0.sequence)] }
    }

    /// Sorts records by a metric with missing values last; stable, so ties keep insertion order.
    static func sorted(_ trials: [TrialRecord], by metric: String, descending: Bool) -> [TrialRecord] {
        let indexed = trials.enumerated().map { ($0.offset, $0.element) }
        return indexed.sorted { x, y in
            switch (x.1.metrics[metric], y.1.metrics[metric]) {
            case (nil, nil): return x.0 < y.0
            case (nil, _): return false
            case (_, nil): return true
            case (let a?, let b?): return a == b ? x.0 < y.0 : (descending ? a > b : a < b)
            }
        }.map(\.1)
    }

    @Test("where metric comparisons with and, sort desc and take give the records' own top-k")
    func filteredTopK() throws {
        let (store, runs, all) = try Self.fixture()
        let query = TableQuery(filter: .and(.compare("latency", .less, .number(.seconds(0.006))),
                                            .compare("accuracy", .greaterOrEqual, .number(.fraction(0.2)))),
                               sort: [TableSort("accuracy", descending: true)], limit: 10)
        let table = try store.trialsTable(run: runs[0], query: query)
        let expected = Self.sorted(all.filter { $0.runID == runs[0] && ($0.metrics["latency"] ?? .infinity) < 0.006
                                                && ($0.metrics["accuracy"] ?? -1) >= 0.2 },
                                   by: "accuracy", descending: true).prefix(10)
        #expect(table.count == 10)
        #expect(Self.keys(table) == Self.keys(Array(expected)))
        let accuracy = table.column("accuracy")!
        #expect(accuracy.compactMap(\.doubleValue) == expected.map { $0.metrics["accuracy"]! })
        #expect(accuracy.allSatisfy { if case .number(let q) = $0 { return q.hint == .percent } else { return false } })
    }

    @Test("or, not, text equality and missing values across all runs, ascending with missing last")
    func orNotAndNulls() throws {
        let (store, _, all) = try Self.fixture()
        let filter: TableFilter = .or(.compare("status", .equal, .string("failed")),
                                      .not(.compare("energy", .less, .number(.scalar(5)))))
        let table = try store.trialsTable(run: nil, query: TableQuery(filter: filter, sort: [TableSort("energy")],
                                                                      columns: ["run", "trial", "energy", "status"]))
        #expect(table.columns == ["run", "trial", "energy", "status"])
        // As in memory, a comparison with a missing value is false, so its `not` keeps the row.
        let expected = Self.sorted(all.filter { $0.status == .failed || !($0.metrics["energy"].map { $0 < 5 } ?? false) },
                                   by: "energy", descending: false)
        #expect(Self.keys(table) == Self.keys(expected))
        let missing = try store.trialsTable(run: nil, query: TableQuery(filter: .compare("latency", .equal, .null)))
        #expect(missing.count == all.filter { $0.metrics["latency"] == nil }.count)
        let present = try store.trialsTable(run: nil, query: TableQuery(filter: .compare("error", .notEqual, .null)))
        #expect(present.count == all.filter { $0.error != nil }.count)
    }

    @Test("select keeps the named columns in order; the default columns include every metric")
    func selectColumns() throws {
        let (store, runs, _) = try Self.fixture()
        let table = try store.trialsTable(run: runs[1], query: TableQuery(limit: 3, columns: ["accuracy", "arch"]))
        #expect(table.columns == ["accuracy", "arch"])
        #expect(table.count == 3)
        let full = try store.trialsTable(run: runs[1], query: .all)
        #expect(full.count == 150)
        for metric in ["accuracy", "params", "latency", "energy"] { #expect(full.columns.contains(metric)) }
        #expect(full.columns.prefix(4) == ["run", "trial", "arch", "status"])
    }

    @Test("an unknown column is an error that lists the columns there are")
    func unknownColumn() throws {
        let (store, runs, _) = try Self.fixture()
        do {
            _ = try store.trialsTable(run: runs[0], query: TableQuery(sort: [TableSort("acuracy")]))
            Issue.record("expected an error")
        } catch let error as StoreError {
            let text = "\(error)"
            #expect(text.hasPrefix("no column 'acuracy' in trials; columns are: run, trial, arch"))
            #expect(text.contains("accuracy"))
            #expect(text.contains("energy"))
        }
        #expect(throws: StoreError.self) {
            try store.runsTable(query: TableQuery(filter: .compare("nope", .equal, .number(.scalar(1)))))
        }
    }

    @Test("comparing a number column with text is an error in the user's terms")
    func typeMismatch() throws {
        let (store, runs, _) = try Self.fixture()
        #expect(throws: StoreError.typeMismatch(column: "accuracy", expected: "numbers", got: "text \"high\"")) {
            try store.trialsTable(run: runs[0], query: TableQuery(filter: .compare("accuracy", .greater, .string("high"))))
        }
        #expect(throws: StoreError.noSuchRun(99)) { try store.trialsTable(run: 99, query: .all) }
    }

    @Test("best picks the run's objective or the named metric's preferred direction")
    func best() throws {
        let (store, runs, all) = try Self.fixture()
        let mine = all.filter { $0.runID == runs[0] && $0.status == .done }
        let best = try store.best(run: runs[0], by: nil, maximise: nil)
        #expect(best.count == 1)
        #expect(best.column("accuracy")?.first?.doubleValue == mine.compactMap { $0.metrics["accuracy"] }.max())
        let fastest = try store.best(run: runs[0], by: "latency", maximise: nil)
        #expect(fastest.column("latency")?.first?.doubleValue == mine.compactMap { $0.metrics["latency"] }.min())
        let slowest = try store.best(run: runs[0], by: "latency", maximise: true)
        #expect(slowest.column("latency")?.first?.doubleValue == mine.compactMap { $0.metrics["latency"] }.max())
    }

    @Test("the runs table shows each run with its finished trial count")
    func runsTable() throws {
        let (store, runs, all) = try Self.fixture()
        let table = try store.runsTable(query: TableQuery(sort: [TableSort("run", descending: true)]))
        #expect(table.column("run")?.compactMap(\.doubleValue) == runs.reversed().map(Double.init))
        #expect(table.column("trials")?.compactMap(\.doubleValue) == runs.reversed().map { id in
            Double(all.filter { $0.runID == id }.count)
        })
        #expect(table.column("objective")?.first == .string("accuracy max"))
        #expect(table.column("strategy")?.first == .string("random"))
        #expect(table.column("best")?.compactMap(\.doubleValue) == runs.reversed().map { id in
            all.filter { $0.runID == id && $0.status == .done }.compactMap { $0.metrics["accuracy"] }.max()!
        })
    }

    @Test("pipeline steps fuse only where filter-sort-take-select keeps their meaning")
    func fusion() {
        let base = TableQuery.all
        let taken = base.addingTake(5)
        #expect(taken.addingWhere(.compare("a", .equal, .number(.scalar(1)))) == nil)
        #expect(taken.addingSort([TableSort("a")]) == nil)
        #expect(taken.addingTake(10).limit == 5)
        #expect(taken.addingTake(2).limit == 2)
        let selected = base.addingSelect(["a", "b"])!
        #expect(selected.addingWhere(.compare("c", .equal, .number(.scalar(1)))) == nil)
        #expect(selected.addingSelect(["c"]) == nil)
        #expect(selected.addingSelect(["b"])?.columns == ["b"])
        let twice = base.addingWhere(.compare("a", .less, .number(.scalar(1))))!.addingWhere(.compare("b", .less, .number(.scalar(2))))!
        #expect(twice.filter == .and(.compare("a", .less, .number(.scalar(1))), .compare("b", .less, .number(.scalar(2)))))
        // `sort a | sort b` orders by b, then a (a stable sort).
        #expect(base.addingSort([TableSort("a")])!.addingSort([TableSort("b")])!.sort == [TableSort("b"), TableSort("a")])
    }

    @Test("curve and curve_epochs columns give each trial's stored curve and its length, and filter on it")
    func curveColumns() throws {
        let store = try StoreFixture.store()
        let run = try store.createRun(StoreFixture.run(seed: 3))
        var trials = StoreFixture.trials(run: run, count: 40, seed: 3)
        for index in trials.indices where trials[index].status == .done {
            trials[index].curve = (0..<(1 + index % 5)).map { 0.1 * Double($0 + 1) + 0.001 * Double(index) }
        }
        try store.insertFinishedTrials(trials)
        let short = try store.trialsTable(run: run, query: TableQuery(filter: .compare("curve_epochs", .less, .number(.scalar(3))),
                                                                      sort: [TableSort("trial")], columns: ["trial", "curve", "curve_epochs"]))
        let expected = trials.filter { $0.curve.count < 3 }
        #expect(short.column("trial")!.compactMap(\.doubleValue) == expected.map { Double($0.sequence) })
        #expect(short.column("curve_epochs")!.compactMap(\.doubleValue) == expected.map { Double($0.curve.count) })
        let decoded = try short.column("curve")!.map { cell -> [Double] in
            try JSONDecoder().decode([Double].self, from: Data(cell.stringValue!.utf8))
        }
        #expect(decoded == expected.map(\.curve))
    }
}
