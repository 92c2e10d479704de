import Synchronization

/// Every result a lookup evaluator gives at one fidelity, addressed by row.
///
/// A tabular benchmark's results do not depend on the seed or on anything but the architecture,
/// so an evaluator can hand the whole table to a loop once (`Evaluator.resultTable(for:fidelity:)`),
/// which then finds each proposal's row and reads in place: no evaluator call and no copy of a
/// result per trial, and a trial record holds a row number instead of a result.
///
/// The results are immutable and read through `subscript(row:)` by address. What a loop reads per
/// trial is kept as plain columns: each row's simulated seconds, and each row's score under an
/// objective (`column(_:value:)`, computed once per objective and kept with the table), as a Python
/// script over a benchmark keeps a dict of prebuilt tuples. (Sendable: all but the column cache is
/// immutable after `init`, and the cache is behind a lock.)
public final class ResultTable: @unchecked Sendable {
    /// How an architecture's row is found.
    public enum Rows: Sendable {
        /// The row is the architecture's token code (the mixed-radix number of its tokens).
        case code(TokenCode)
        /// The row is what the function says (nil: not in the table).
        case function(@Sendable (Architecture) -> Int?)
    }

    /// The number of rows.
    public let count: Int
    /// How rows are found.
    public let rows: Rows
    /// The token code that numbers the rows, when rows are found by one, kept by the table so a loop
    /// can read it in place (valid while the table lives).
    public let code: UnsafePointer<TokenCode>?
    /// Each row's `simulatedSeconds`.
    public let simulatedSeconds: ResultColumn
    /// The results, `count` of them, initialised once and never written again.
    @usableFromInline let storage: UnsafeMutablePointer<TrialResult>
    /// Columns derived from every row, by what they were derived for; freed with the table.
    private let columns = Mutex<[String: ResultColumn]>([:])

    /// A table of `results` whose rows are found by `rows` (a row outside `results.indices` reads as none).
    public init(results: [TrialResult], rows: Rows) {
        count = results.count
        self.rows = rows
        if case let .code(code) = rows {
            let stored = UnsafeMutablePointer<TokenCode>.allocate(capacity: 1)
            stored.initialize(to: code)
            self.code = UnsafePointer(stored)
        } else {
            code = nil
        }
        storage = UnsafeMutablePointer<TrialResult>.allocate(capacity: max(results.count, 1))
        storage.initialize(from: results, count: results.count)
        simulatedSeconds = ResultColumn(results.map(\.simulatedSeconds))
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
        simulatedSeconds.free()
        code?.deallocate()
        columns.withLock { $0.values.forEach { $0.free() } }
    }

    /// The row of `architecture`, or nil when the table does not hold it.
    public func row(of architecture: Architecture) -> Int? {
        let row: Int?
        switch rows {
        case let .code(code): row = code.number(of: architecture)
        case let .function(rowOf): row = rowOf(architecture)
        }
        guard let row, row >= 0 && row < count else { return nil }
        return row
    }

    /// `value` of every row, computed on the first call for `key` and kept with the table (the caller
    /// promises that equal keys mean equal functions: `SearchLoop` keys its objective's scores by
    /// `Objective.columnKey`).
    public func column(_ key: String, value: (TrialResult) -> Double) -> ResultColumn {
        if let known = columns.withLock({ $0[key] }) { return known }
        let column = ResultColumn((0..<count).map { value(storage[$0]) })
        return columns.withLock { columns in
            if let raced = columns[key] {
                column.free()
                return raced
            }
            columns[key] = column
            return column
        }
    }

    /// The result in row `row` (`0 <= row < count`), read in place.
    @inlinable public subscript(row: Int) -> TrialResult {
        unsafeAddress {
            precondition(row >= 0 && row < count, "row \(row) out of range 0..<\(count)")
            return UnsafePointer(storage + row)
        }
    }
}
