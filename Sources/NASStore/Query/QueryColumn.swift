import GRDB

/// One column a store table offers: its name in the language, its SQL and how its cells read.
struct QueryColumn: Sendable {
    /// How a stored value becomes a cell.
    enum Kind: Sendable, Equatable {
        /// A whole number (ids, sequence numbers, seeds, epochs).
        case integer
        /// A metric; its unit comes from `MetricCatalog` by name.
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

    /// A column read straight from a table column.
    init(_ name: String, sql: String, _ kind: Kind) {
        self.name = name
        self.sql = sql
        self.arguments = []
        self.kind = kind
    }

    /// A column read with placeholders.
    init(_ name: String, sql: String, arguments: [DatabaseValue], _ kind: Kind) {
        self.name = name
        self.sql = sql
        self.arguments = arguments
        self.kind = kind
    }
}
