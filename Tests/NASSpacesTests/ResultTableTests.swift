import NASCore
import Synchronization
import Testing
@testable import NASSpaces

/// A `ResultTable` finds rows by token code or by function, reads results in place and keeps derived columns.
@Suite struct ResultTableTests {
    /// Row i: accuracy i/100, i+1 simulated seconds.
    static let results = (0..<27).map { TrialResult(metrics: ["accuracy": Double($0) / 100], simulatedSeconds: Double($0 + 1)) }

    @Test("rows by token code: each architecture of the space reads its own result")
    func rowsByCode() {
        let table = ResultTable(results: Self.results, rows: .code(TokenCode(space: SpaceName("s"), count: 3, radix: 3)))
        for row in 0..<27 {
            let architecture = Architecture(space: "s", tokens: [row / 9, row / 3 % 3, row % 3])
            #expect(table.row(of: architecture) == row)
            #expect(table[row] == Self.results[row])
            #expect(table.simulatedSeconds[row] == Double(row + 1))
        }
        #expect(table.row(of: Architecture(space: "s", tokens: [3, 0, 0])) == nil)
        #expect(table.row(of: Architecture(space: "t", tokens: [0, 0, 0])) == nil)
        #expect(table.code?.pointee.radix == 3)
    }

    @Test("rows by function: a row outside the table reads as none")
    func rowsByFunction() {
        let table = ResultTable(results: Self.results, rows: .function { $0.tokens.first })
        #expect(table.row(of: Architecture(space: "x", tokens: [26])) == 26)
        #expect(table.row(of: Architecture(space: "x", tokens: [27])) == nil)
        #expect(table.row(of: Architecture(space: "x", tokens: [-1])) == nil)
        #expect(table.row(of: Architecture(space: "x", tokens: [])) == nil)
        #expect(table.code == nil)
    }

    @Test("a derived column is computed once per key and holds the function's value of every row")
    func columnsComputedOnce() {
        let table = ResultTable(results: Self.results, rows: .function { $0.tokens.first })
        let calls = Mutex(0)
        func negated(_ result: TrialResult) -> Double {
            calls.withLock { $0 += 1 }
            return -(result.value(of: .accuracy) ?? 0)
        }
        let first = table.column("negated", value: negated)
        let again = table.column("negated", value: negated)
        let other = table.column("doubled") { 2 * ($0.value(of: .accuracy) ?? 0) }
        #expect(calls.withLock { $0 } == 27)
        #expect(first.count == 27 && again.values == first.values)
        for row in 0..<27 {
            #expect(first[row] == -Double(row) / 100)
            #expect(other[row] == 2 * Double(row) / 100)
        }
    }
}
