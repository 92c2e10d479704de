/// What a loaded column holds when the user says so instead of letting the file's text decide.
///
/// `load("ids.csv", types: {key: "text"})` keeps `007` as the text `007`; `number` reads any
/// decimal (`007` is 7, `+5` and `.5` too); `bool` reads `true` and `false`. An empty unquoted
/// field is a missing value whatever the type.
public enum ColumnType: String, Sendable, CaseIterable {
    /// Text, exactly as written.
    case text
    /// A number, with the unit of the metric the column is named after.
    case number
    /// `true` or `false`.
    case bool

    /// The cell for a CSV field of this type, or a reason it cannot be one.
    func cell(fromCSV text: String, column: String) -> Result<Cell, ColumnTypeMismatch> {
        switch self {
        case .text: return .success(.string(text))
        case .number:
            guard let value = ColumnType.anyNumber(text) else { return .failure(ColumnTypeMismatch(text: text, type: self)) }
            return .success(.number(MetricCatalogue.quantity(column, value)))
        case .bool:
            guard let flag = ColumnType.flag(text) else { return .failure(ColumnTypeMismatch(text: text, type: self)) }
            return .success(.bool(flag))
        }
    }

    /// A JSON cell converted to this type, or a reason it cannot be.
    func convert(_ cell: Cell, column: String) -> Result<Cell, ColumnTypeMismatch> {
        switch (self, cell) {
        case (_, .null): return .success(.null)
        case (.text, .number(let q)): return .success(.string(TableIO.plainNumber(q.value)))
        case (.text, .bool(let b)): return .success(.string(b ? "true" : "false"))
        case (.number, .number), (.bool, .bool), (.text, .string): return .success(cell)
        case (_, .string(let s)): return self.cell(fromCSV: s, column: column)
        case (_, _): return .failure(ColumnTypeMismatch(text: TableIO.csvField(cell), type: self))
        }
    }

    /// Any decimal number, leading zeros and signs allowed (`007`, `+5`, `.5`, `1e3`, `nan`, `inf`).
    static func anyNumber(_ text: String) -> Double? {
        let trimmed = CSVDocument.trimmed(text)
        return TableIO.number(trimmed) ?? Double(trimmed)
    }

    /// `true` or `false`, in any case.
    static func flag(_ text: String) -> Bool? {
        switch CSVDocument.trimmed(text).lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }
}

/// A value that is not of the type its column was given.
struct ColumnTypeMismatch: Error {
    /// The value as written.
    var text: String
    /// The type the column was given.
    var type: ColumnType

    /// `'abc' is not a number`.
    var reason: String {
        switch type {
        case .text: return "'\(text)' is not text"
        case .number: return "'\(text)' is not a number"
        case .bool: return "'\(text)' is not true or false"
        }
    }
}
