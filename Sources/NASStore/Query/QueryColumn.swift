import GRDB
import NASCore

/// One column a store table offers: its name in the language, its SQL and how its cells read.
struct QueryColumn: Sendable {
    /// How a stored value becomes a cell.
    enum Kind: Sendable, Equatable {
        /// A plain number (ids, sequence numbers, seeds, epochs, scores).
        case integer
        /// A metric; its unit comes from `MetricCatalogue` by name.
        case metric
        /// A duration in seconds.
        case seconds
        /// Text.
        case text
        /// A flag stored as 0/1.
        case bool
        /// A time stored as seconds since 1970, shown as `2026-11-29 08:40:12`.
        case date

        /// Whether the column compares with numbers.
        var isNumeric: Bool { self != .text }
    }

    /// The name users type.
    var name: String
    /// The SQL expression that reads it (may contain `?` placeholders).
    var sql: String
    /// The values for the placeholders in `sql`.
    var arguments: [DatabaseValue]
    /// How its cells read.
    var kind: Kind
    /// The expression that shows it in results, when it differs from `sql` (a promoted metric
    /// falls back to the JSON object for NaN and infinities, which its REAL column cannot hold).
    var display: (sql: String, arguments: [DatabaseValue])?

    /// A column read straight from a table column.
    init(_ name: String, sql: String, _ kind: Kind) {
        self.name = name
        self.sql = sql
        self.arguments = []
        self.kind = kind
    }

    /// The unit of its numbers (a metric's from `MetricCatalogue`), for checking constants.
    var dimension: Dimension {
        switch kind {
        case .metric: return MetricCatalogue.quantity(name, 0).dimension
        case .seconds: return .time
        default: return .scalar
        }
    }

    /// A metric with its own column; results fall back to the JSON object when the column is NULL.
    static func promotedMetric(_ name: String, jsonPath: String) -> QueryColumn {
        var column = QueryColumn(name, sql: "t.\(name)", .metric)
        column.display = ("IFNULL(t.\(name), json_extract(t.metrics, ?))", [jsonPath.databaseValue])
        return column
    }

    /// A column read with placeholders.
    init(_ name: String, sql: String, arguments: [DatabaseValue], _ kind: Kind) {
        self.name = name
        self.sql = sql
        self.arguments = arguments
        self.kind = kind
    }
}
