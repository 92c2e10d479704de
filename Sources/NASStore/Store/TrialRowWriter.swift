import Foundation
import GRDB
import GRDBSQLite

/// Inserts trial rows through one prepared statement, binding every value straight to SQLite.
///
/// The bulk-insert path: numbers go through SQLite's typed binders; a row's text (names, the
/// JSON of its metrics, curve and tokens) is written once into a byte buffer reused from row to
/// row, which SQLite reads in place while the row is inserted (`SQLITE_STATIC`). Building
/// `DatabaseValue`s, Swift strings per JSON value and SQLite's own copies of each string cost
/// more than SQLite's insert itself.
struct TrialRowWriter {
    /// The statement that inserts a trial (`SQLiteStore.insertSQL`).
    private let statement: Statement
    /// The row's text, reused.
    private var text: [UInt8] = []
    /// Where each text value of the row lies in `text`: parameter, offset, length.
    private var spans: [(parameter: Int32, offset: Int, count: Int)] = []
    /// The metric names of each run seen so far.
    private(set) var metricNames = MetricNameTally()

    /// Prepares (or reuses) the insert statement of `db`.
    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        guard sqlite3_bind_parameter_count(statement.sqliteStatement) == Int32(TrialRowWriter.parameterCount) else {
            throw StoreError.database("the trial insert statement does not have \(TrialRowWriter.parameterCount) parameters")
        }
        // Resets the statement, clears its bindings and tells GRDB its arguments are set: they are bound here.
        statement.setUncheckedArguments(StatementArguments())
        text.reserveCapacity(512)
        spans.reserveCapacity(8)
    }

    /// The parameters of a row: 9 fields, the promoted metrics, 10 more fields.
    static let parameterCount = 9 + StoreSchema.promotedMetrics.count + 10

    /// Inserts one trial, started (and, unless pending or running, finished) at `now`.
    mutating func insert(_ trial: TrialRecord, now: Double) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        text.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
        let pairs = StoreJSON.sortedPairs(trial.metrics)
        metricNames.note(run: trial.runID, sortedPairs: pairs)

        var p: Int32 = 0
        func next() -> Int32 { p += 1; return p }
        try bind(sqlite3_bind_int64(handle, next(), trial.runID))
        try bind(sqlite3_bind_int64(handle, next(), Int64(trial.sequence)))
        addText(next()) { StoreJSON.appendRaw(trial.architecture, to: &$0) }
        addText(next()) { StoreJSON.appendRaw(trial.identity, to: &$0) }
        addText(next()) { StoreJSON.appendArray(trial.tokens, to: &$0) }
        try bind(integer(trial.fidelity.epochs.map(Int64.init), at: next()))
        try bind(sqlite3_bind_double(handle, next(), trial.fidelity.dataFraction))
        try bind(sqlite3_bind_int64(handle, next(), Int64(bitPattern: trial.seed)))
        addText(next()) { StoreJSON.appendRaw(trial.status.rawValue, to: &$0) }
        for name in StoreSchema.promotedMetrics { try bind(double(TrialRowWriter.value(of: name, in: pairs), at: next())) }
        addText(next()) { StoreJSON.appendObject(pairs, to: &$0) }
        addText(next()) { StoreJSON.appendArray(trial.curve, to: &$0) }
        try bind(double(trial.score, at: next()))
        try bind(sqlite3_bind_double(handle, next(), trial.wallSeconds))
        try bind(sqlite3_bind_double(handle, next(), trial.simulatedSeconds))
        if let error = trial.error { addText(next()) { StoreJSON.appendRaw(error, to: &$0) } } else {
            try bind(sqlite3_bind_null(handle, next()))
        }
        addText(next()) { StoreJSON.appendRaw(trial.cacheKey, to: &$0) }
        try bind(sqlite3_bind_int64(handle, next(), trial.cached ? 1 : 0))
        try bind(sqlite3_bind_double(handle, next(), now))
        let finished = trial.status == .running || trial.status == .pending ? nil : now
        try bind(double(finished, at: next()))
        try executeWithText()
    }

    /// Drops SQLite's references into the text buffer, which is about to go away.
    func finish() {
        sqlite3_clear_bindings(statement.sqliteStatement)
    }

    /// The value of metric `name` among a trial's few sorted metrics (a scan: cheaper than hashing the name).
    private static func value(of name: String, in pairs: [(key: String, value: Double)]) -> Double? {
        for pair in pairs where pair.key == name { return pair.value }
        return nil
    }

    /// Binds an optional integer (NULL when absent).
    private func integer(_ value: Int64?, at parameter: Int32) -> Int32 {
        guard let value else { return sqlite3_bind_null(statement.sqliteStatement, parameter) }
        return sqlite3_bind_int64(statement.sqliteStatement, parameter, value)
    }

    /// Binds an optional number (NULL when absent).
    private func double(_ value: Double?, at parameter: Int32) -> Int32 {
        guard let value else { return sqlite3_bind_null(statement.sqliteStatement, parameter) }
        return sqlite3_bind_double(statement.sqliteStatement, parameter, value)
    }

    /// Writes one text value of the row into the buffer, to be bound when the row is complete.
    private mutating func addText(_ parameter: Int32, _ write: (inout [UInt8]) -> Void) {
        let offset = text.count
        write(&text)
        spans.append((parameter, offset, text.count - offset))
    }

    /// Binds the row's text values in place and inserts the row.
    private func executeWithText() throws {
        let handle = statement.sqliteStatement
        try text.withUnsafeBytes { bytes in
            // Never empty: the tokens are always written (`[...]`), so an empty value still gets a non-null pointer.
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) else {
                throw StoreError.database("a trial row has no text")
            }
            for span in spans {
                // A nil destructor is SQLITE_STATIC: SQLite reads the bytes in place; they stay put until the row is in.
                try bind(sqlite3_bind_text(handle, span.parameter, base + span.offset, Int32(span.count), nil))
            }
            try statement.execute()
        }
    }

    /// Throws unless SQLite accepted a binding.
    private func bind(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw StoreError.database("cannot bind a trial value (SQLite code \(code))") }
    }
}
