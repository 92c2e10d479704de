import NASSpaces

/// A `SearchLoop`'s handle on one result table and the columns it reads per trial (fast path 2 in FastPaths.swift).
///
/// It holds no counted reference, so reading it per trial retains nothing: the trial log holds
/// every table the loop reads.
struct TableCursor {
    /// The table (nil: the evaluator has none at this fidelity).
    let table: Unmanaged<ResultTable>?
    /// Its position among the log's tables.
    let position: Int
    /// The token code that numbers its rows, if one does (else the table finds them); the table's own.
    let code: UnsafePointer<TokenCode>?
    /// Each row's score under the loop's objective.
    let scores: ResultColumn
    /// Each row's simulated seconds.
    let seconds: ResultColumn

    /// No table.
    static var none: TableCursor { TableCursor(table: nil, position: -1, code: nil, scores: .empty, seconds: .empty) }

    /// The row of `architecture` in the table, if there is a table and it has one.
    @inline(__always) func row(of architecture: Architecture) -> Int? {
        guard table != nil else { return nil }
        guard code != nil else { return table.unsafelyUnwrapped.takeUnretainedValue().row(of: architecture) }
        guard let row = TokenCode.number(of: architecture, by: code.unsafelyUnwrapped), row < scores.count else { return nil }
        return row
    }
}
