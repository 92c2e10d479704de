import Foundation
import NASCore
import Testing

@Suite("Table CSV and JSON")
struct TableIOTests {
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("naslab-io-\(UUID().uuidString)-\(name)").path
    }

    /// A table with every kind of cell and the strings CSV finds hard.
    static let sample = Table(columns: ["architecture", "accuracy", "latency", "params", "ok", "note"], rows: [
        [.string("|nor_conv_3x3~0|+|skip_connect~0|"), .number(.fraction(0.9312)), .number(.seconds(0.0042)),
         .number(Quantity(1_234_567, hint: .count)), .bool(true), .string("a, \"quoted\" note")],
        [.string("two\nlines"), .number(.fraction(0.5)), .null, .number(Quantity(12, hint: .count)), .bool(false),
         .string("")],
        [.string("12"), .number(.fraction(1e-5)), .number(.seconds(1.5)), .number(Quantity(0, hint: .count)), .null,
         .string("true")],
        [.string("  padded  "), .number(.fraction(.nan)), .number(.seconds(.infinity)), .number(Quantity(3, hint: .count)),
         .bool(true), .string("none")],
    ])

    @Test("reads CSV written by Python's csv module (quotes, doubled quotes, line breaks, CRLF)")
    func readsPythonCSV() throws {
        // Output of csv.writer(lineterminator="\r\n") in Python 3.11 for the rows below.
        let text = "name,accuracy,note\r\n\"a,b\",0.5,\"say \"\"hi\"\"\"\r\n\"multi\nline\",,  padded \r\nplain,1e-05,true\r\n"
        let table = try TableIO.parseCSV(text)
        #expect(table.columns == ["name", "accuracy", "note"])
        #expect(table.rows == [
            [.string("a,b"), .number(.fraction(0.5)), .string("say \"hi\"")],
            [.string("multi\nline"), .null, .string("  padded ")],
            [.string("plain"), .number(.fraction(1e-5)), .bool(true)],
        ])
    }

    @Test("CSV written here is what RFC 4180 says, in base units")
    func writesCSV() {
        let table = Table(columns: ["name", "latency", "accuracy"], rows: [
            [.string("a,b"), .number(.seconds(0.004)), .number(.fraction(0.93))],
            [.string("say \"hi\""), .null, .number(.fraction(1))],
            [.string("7"), .number(.seconds(2)), .bool(true)],
        ])
        #expect(TableIO.csv(table) == "name,latency,accuracy\n\"a,b\",0.004,0.93\n\"say \"\"hi\"\"\",,1\n\"7\",2,true\n")
    }

    @Test("a saved CSV loads back as the same cells")
    func csvRoundTrip() throws {
        let path = Self.temporaryPath("t.csv")
        try TableIO.save(Self.sample, to: path)
        let loaded = try TableIO.load(from: path)
        #expect(loaded.columns == Self.sample.columns)
        #expect(loaded.count == Self.sample.count)
        for (a, b) in zip(loaded.rows, Self.sample.rows) {
            for (x, y) in zip(a, b) {
                if case .number(let p) = x, case .number(let q) = y, p.value.isNaN {
                    #expect(q.value.isNaN)
                    #expect(p.hint == q.hint)
                } else {
                    #expect(x == y)
                }
            }
        }
    }

    @Test("JSON is an array of row objects that a JSON parser reads, and loads back")
    func json() throws {
        let path = Self.temporaryPath("t.json")
        let table = Table(columns: ["architecture", "accuracy", "latency", "ok"], rows: [
            [.string("a\"b"), .number(.fraction(0.9)), .number(.seconds(0.004)), .bool(true)],
            [.string("c"), .null, .number(.seconds(1)), .bool(false)],
        ])
        try TableIO.save(table, to: path)
        let parsed = try JSONSerialization.jsonObject(with: try #require(FileManager.default.contents(atPath: path)))
        let objects = try #require(parsed as? [[String: Any]])
        #expect(objects.count == 2)
        #expect(objects[0]["architecture"] as? String == "a\"b")
        #expect(objects[0]["accuracy"] as? Double == 0.9)
        #expect(objects[1]["accuracy"] is NSNull)
        let loaded = try TableIO.load(from: path)
        #expect(Set(loaded.columns) == Set(table.columns))
        for column in table.columns { #expect(loaded.column(column) == table.column(column)) }
    }

    @Test("only numbers written the way programs write them load as numbers; 007 keeps its zeros")
    func canonicalNumbers() throws {
        for text in ["7", "-2", "0", "-0", "0.5", "1e3", "2.5E-07", "1e+16", "10.250"] {
            #expect(TableIO.number(text) == Double(text), "\(text)")
        }
        for text in ["007", "000123", "00", "01.5", "+5", ".5", "5.", "1e", "1_000", "0x1F", "- 1", "1 ", "", "-"] {
            #expect(TableIO.number(text) == nil, "\(text)")
        }
        let table = try TableIO.parseCSV("key,x\n000123,1\n7,02\n")
        #expect(table.rows == [[.string("000123"), .number(.scalar(1))], [.number(.scalar(7)), .string("02")]])
    }

    @Test("types: fix a column's type in CSV and JSON; a value that does not fit names the line")
    func columnTypes() throws {
        let typed = try TableIO.parseCSV("key,x,ok\n000123,02,true\n7,,false\n", types: ["key": .text, "x": .number, "ok": .text])
        #expect(typed.rows == [[.string("000123"), .number(.scalar(2)), .string("true")],
                               [.string("7"), .null, .string("false")]])
        let json = try TableIO.parseJSON(#"[{"key": 7, "x": "007"}]"#, types: ["key": .text, "x": .number])
        #expect(json.rows == [[.string("7"), .number(.scalar(7))]])
        #expect(throws: TableDataError.malformed(path: "<csv>", line: 3, reason: "column 'x': 'seven' is not a number")) {
            try TableIO.parseCSV("key,x\n1,2\n2,seven\n", types: ["x": .number])
        }
        #expect(throws: TableDataError.malformed(path: "<csv>", line: 1,
                                                 reason: "types: there is no column 'y' (the columns are key, x)")) {
            try TableIO.parseCSV("key,x\n1,2\n", types: ["y": .text])
        }
    }

    @Test("bad files are errors that name the file and line")
    func errors() throws {
        #expect(throws: TableDataError.malformed(path: "<csv>", line: 2, reason: "a quoted field is never closed")) {
            try TableIO.parseCSV("a,b\n\"open,1\n2,3\n")
        }
        #expect(throws: TableDataError.malformed(path: "<csv>", line: 3, reason: "3 fields, but the header has 2")) {
            try TableIO.parseCSV("a,b\n1,2\n1,2,3\n")
        }
        #expect(throws: TableDataError.unsupportedFormat(path: "x.xlsx")) { try TableIO.load(from: "x.xlsx") }
        let missing = Self.temporaryPath("missing.csv")
        #expect(throws: TableDataError.unreadable(path: missing)) {
            try TableIO.load(from: missing)
        }
    }
}

@Suite("Pareto front")
struct TableParetoTests {
    /// Whether `a` dominates `b` when smaller x and larger y are better.
    static func dominates(_ a: (Double, Double), _ b: (Double, Double)) -> Bool {
        a.0 <= b.0 && a.1 >= b.1 && (a.0 < b.0 || a.1 > b.1)
    }

    @Test("the front is exactly the rows no other row dominates (brute force)", arguments: [1, 2, 3, 4, 5])
    func matchesBruteForce(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        // Coarse values make ties and duplicates common.
        let points = (0..<300).map { _ in (Double(rng.nextInt(below: 40)) / 10, Double(rng.nextInt(below: 40)) / 40) }
        let table = Table(columns: ["id", "latency", "accuracy"], rows: points.enumerated().map {
            [.number(.scalar(Double($0.offset))), .number(.seconds($0.element.0)), .number(.fraction($0.element.1))]
        })
        let front = try table.pareto(x: ("latency", true), y: ("accuracy", false))
        let expected = Set(points.indices.filter { i in !points.indices.contains { Self.dominates(points[$0], points[i]) } })
        let got = front.column("id")!.map { Int($0.doubleValue!) }
        #expect(Set(got) == expected)
        #expect(got.count == expected.count)
        let xs = got.map { points[$0].0 }
        #expect(xs == xs.sorted())
    }

    @Test("directions, missing values and unknown columns")
    func directionsAndMissing() throws {
        let table = Table(columns: ["a", "b"], rows: [
            [.number(.scalar(1)), .number(.scalar(1))],
            [.number(.scalar(2)), .number(.scalar(2))],
            [.null, .number(.scalar(9))],
            [.number(.scalar(3)), .string("x")],
        ])
        // Both minimised: (1,1) beats (2,2).
        #expect(try table.pareto(x: ("a", true), y: ("b", true)).rows == [table.rows[0]])
        // Both maximised: (2,2) beats (1,1).
        #expect(try table.pareto(x: ("a", false), y: ("b", false)).rows == [table.rows[1]])
        // Minimise a, maximise b: neither dominates; best a first.
        #expect(try table.pareto(x: ("a", true), y: ("b", false)).rows == [table.rows[0], table.rows[1]])
        #expect(throws: TableError.unknownColumn("c", in: ["a", "b"])) {
            try table.pareto(x: ("c", true), y: ("b", false))
        }
    }
}
