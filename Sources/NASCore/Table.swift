/// A rectangular table of cells with named columns: the value that pipelines transform.
public struct Table: Sendable, Hashable, Codable {
    /// Column names, in order.
    public var columns: [String]
    /// Rows; every row has one cell per column.
    public var rows: [[Cell]]

    /// Creates a table; every row must have `columns.count` cells.
    public init(columns: [String], rows: [[Cell]] = []) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "row width does not match the columns")
        self.columns = columns
        self.rows = rows
    }

    /// The number of rows.
    public var count: Int { rows.count }

    /// The position of a column, or nil.
    public func columnIndex(_ name: String) -> Int? { columns.firstIndex(of: name) }

    /// All cells of one column.
    public func column(_ name: String) -> [Cell]? {
        guard let i = columnIndex(name) else { return nil }
        return rows.map { $0[i] }
    }
}
