import NASCore
import NASLanguage

/// A value as a notebook keeps it: the text the terminal showed, and the table or plot behind it.
public struct DisplayedValue: Sendable, Equatable, Codable {
    /// The value as the REPL and scripts print it (no colour).
    public var text: String
    /// The rows of a table value, at most `DisplayedValue.maxTableRows` of them; nil for other values.
    public var table: Table?
    /// How many rows the table had before it was cut to `table`'s rows.
    public var tableRowCount: Int
    /// The SVG document of a plot value; nil for other values.
    public var svg: String?

    /// The most table rows a notebook shows (the rest are counted, as the terminal counts them).
    public static let maxTableRows = 50

    /// A value with only a plain-text form.
    public init(text: String, table: Table? = nil, tableRowCount: Int? = nil, svg: String? = nil) {
        self.text = text
        self.table = table
        self.tableRowCount = tableRowCount ?? table?.count ?? 0
        self.svg = svg
    }

    /// A language value as shown at `width` columns: its text, and its rows or SVG when it is a table or a plot.
    public init(_ value: Value, width: Int = 100) {
        self.init(text: value.render(width: width, color: false))
        switch value {
        case .table(let source):
            guard let rows = try? source.materialize() else { return }
            table = Table(columns: rows.columns, rows: Array(rows.rows.prefix(Self.maxTableRows)))
            tableRowCount = rows.count
        case .object(let plot as PlotValue):
            svg = plot.svg
        default:
            break
        }
    }

    /// The rows left out of `table`.
    public var hiddenRowCount: Int { max(0, tableRowCount - (table?.count ?? 0)) }
}
