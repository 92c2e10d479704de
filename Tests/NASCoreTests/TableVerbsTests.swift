import Testing
@testable import NASCore

@Suite("Table verbs")
struct TableVerbsTests {
    /// A small results table: id, op, accuracy (fraction), latency (seconds).
    let t = Table(columns: ["id", "op", "accuracy", "latency"], rows: [
        [.number(.scalar(1)), .string("conv"), .number(.fraction(0.915)), .number(.seconds(0.012))],
        [.number(.scalar(2)), .string("pool"), .number(.fraction(0.88)), .number(.seconds(0.004))],
        [.number(.scalar(3)), .string("conv"), .number(.fraction(0.942)), .number(.seconds(0.025))],
        [.number(.scalar(4)), .string("skip"), .null, .number(.seconds(0.002))],
    ])

    private func ids(_ table: Table) -> [Double] { table.column("id")!.compactMap(\.doubleValue) }

    @Test("filter keeps rows where the expression is true; missing values compare false")
    func filter() throws {
        let fast = try t.filtered(.binary(.less, .column("latency"), .literal(.number(.seconds(0.02)))))
        #expect(ids(fast) == [1, 2, 4])
        let accurate = try t.filtered(.binary(.greater, .column("accuracy"), .literal(.number(.fraction(0.9)))))
        #expect(ids(accurate) == [1, 3])
    }

    @Test("filter refuses to compare a time with a plain number")
    func unitMismatch() {
        #expect(throws: UnitError.self) {
            try t.filtered(.binary(.less, .column("latency"), .literal(.number(.scalar(3)))))
        }
    }

    @Test("sort is stable, handles several keys, puts missing values last")
    func sort() throws {
        #expect(ids(try t.sorted(by: [SortKey("accuracy", descending: true)])) == [3, 1, 2, 4])
        #expect(ids(try t.sorted(by: [SortKey("accuracy")])) == [2, 1, 3, 4])
        #expect(ids(try t.sorted(by: [SortKey("op"), SortKey("latency", descending: true)])) == [3, 1, 2, 4])
    }

    @Test("take, select and extend")
    func shape() throws {
        #expect(t.taking(2).count == 2)
        #expect(t.taking(-1).count == 0)
        #expect(try t.selecting(["op", "id"]).columns == ["op", "id"])
        let ms = try t.extended("ms", .binary(.divide, .column("latency"), .literal(.number(.seconds(0.001)))))
        #expect(ms.column("ms")!.compactMap(\.doubleValue).map { $0.rounded() } == [12, 4, 25, 2])
    }

    @Test("a missing column names the columns and the closest one")
    func missingColumn() {
        #expect(throws: TableError.unknownColumn("acuracy", in: t.columns)) { try t.selecting(["acuracy"]) }
        #expect(TableError.unknownColumn("acuracy", in: t.columns).message
                == "no column 'acuracy' in this table; did you mean 'accuracy'? (columns: id, op, accuracy, latency)")
    }

    @Test("group and summarize: count, sum, mean, min, max, std (sample, n-1)")
    func summarize() throws {
        let numbers = Table(columns: ["g", "x"], rows: [2, 4, 4, 4, 5, 5, 7, 9].map { [.string("a"), .number(.scalar($0))] }
                            + [[.string("b"), .number(.scalar(1))]])
        let s = try numbers.summarized(groupBy: ["g"], [
            Aggregate(name: "n", function: .count, column: nil), Aggregate(name: "sum", function: .sum, column: "x"),
            Aggregate(name: "mean", function: .mean, column: "x"), Aggregate(name: "lo", function: .min, column: "x"),
            Aggregate(name: "hi", function: .max, column: "x"), Aggregate(name: "sd", function: .std, column: "x"),
        ])
        #expect(s.columns == ["g", "n", "sum", "mean", "lo", "hi", "sd"])
        let a = s.rows[0].map(\.doubleValue)
        #expect(a[1] == 8 && a[2] == 40 && a[3] == 5 && a[4] == 2 && a[5] == 9)
        // The classic example [2,4,4,4,5,5,7,9]: population sd 2, sample sd sqrt(32/7) = 2.13809.
        #expect(abs(a[6]! - (32.0 / 7).squareRoot()) < 1e-12)
        #expect(s.rows[1][6] == .null, "std of one value is missing")
        let whole = try numbers.summarized(groupBy: [], [Aggregate(name: "n", function: .count, column: nil)])
        #expect(whole.rows == [[.number(Quantity(9, hint: .count))]])
    }

    @Test("aggregates keep the column's unit")
    func aggregateUnits() throws {
        let s = try t.summarized(groupBy: [], [Aggregate(name: "lat", function: .mean, column: "latency")])
        guard case .number(let q) = s.rows[0][0] else { Issue.record("not a number"); return }
        #expect(q.dimension == .time)
        #expect(abs(q.value - 0.01075) < 1e-12)
    }

    @Test("join pairs rows with equal keys and renames clashing columns")
    func join() throws {
        let costs = Table(columns: ["id", "params", "op"], rows: [
            [.number(.scalar(3)), .number(Quantity(2e6, hint: .count)), .string("c3")],
            [.number(.scalar(1)), .number(Quantity(1.2e6, hint: .count)), .string("c1")],
            [.number(.scalar(9)), .number(Quantity(1, hint: .count)), .string("c9")],
        ])
        let joined = try t.joined(with: costs, on: ["id"])
        #expect(joined.columns == ["id", "op", "accuracy", "latency", "params", "op_2"])
        #expect(ids(joined) == [1, 3])
        #expect(joined.column("op_2") == [.string("c1"), .string("c3")])
        #expect(throws: TableError.self) { try t.joined(with: Table(columns: ["z"]), on: []) }
    }

    @Test("rendering aligns columns and reports hidden rows")
    func rendering() {
        let text = t.render(maxRows: 2)
        #expect(text == """
            id  op    accuracy  latency
            --  ----  --------  -------
             1  conv     91.5%     12ms
             2  pool       88%      4ms
            … 2 more rows
            """)
    }

    @Test("quantity arithmetic checks kinds and explains the fix")
    func quantityArithmetic() throws {
        #expect(try Quantity.adding(.seconds(0.02), .seconds(1)) == .seconds(1.02))
        #expect(try Quantity.dividing(.seconds(1), .seconds(0.001)).value == 1000)
        #expect(throws: UnitError("cannot compare time (20ms) with a plain number (3); write 3ms or 3s")) {
            try Quantity.compare(.seconds(0.02), .scalar(3))
        }
        #expect(throws: UnitError.self) { try Quantity.multiplying(.seconds(1), .bytes(1)) }
        #expect(throws: UnitError.self) { try Quantity.dividing(.scalar(1), .scalar(0)) }
    }
}
