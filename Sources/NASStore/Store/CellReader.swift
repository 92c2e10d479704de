import Foundation
import GRDB
import NASCore

/// Turns stored values into table cells.
enum CellReader {
    /// The cell of a value read through a known column.
    static func cell(_ value: DatabaseValue, column: QueryColumn) -> Cell {
        switch value.storage {
        case .null: return .null
        case .string(let s): return column.kind == .metric ? nonFinite(s, column.name) : .string(s)
        case .blob(let data): return .string("<\(data.count) bytes>")
        case .int64(let i): return number(Double(i), column)
        case .double(let d): return number(d, column)
        }
    }

    /// The cell of a value from a free `sql(...)` query: numbers take their unit from the column name.
    static func cell(_ value: DatabaseValue, name: String) -> Cell {
        switch value.storage {
        case .null: return .null
        case .string(let s): return .string(s)
        case .blob(let data): return .string("<\(data.count) bytes>")
        case .int64(let i): return .number(MetricCatalogue.quantity(name, Double(i)))
        case .double(let d): return .number(MetricCatalogue.quantity(name, d))
        }
    }

    private static func number(_ v: Double, _ column: QueryColumn) -> Cell {
        switch column.kind {
        case .integer: return .number(.scalar(v))
        case .metric: return .number(MetricCatalogue.quantity(column.name, v))
        case .seconds: return .number(.seconds(v))
        case .bool: return .bool(v != 0)
        case .text: return .string(Quantity.formatNumber(v))
        case .date: return .string(dateText(v))
        }
    }

    /// A metric stored as `"nan"` / `"inf"` in the JSON object.
    private static func nonFinite(_ s: String, _ name: String) -> Cell {
        switch s {
        case "nan": return .number(MetricCatalogue.quantity(name, .nan))
        case "inf": return .number(MetricCatalogue.quantity(name, .infinity))
        case "-inf": return .number(MetricCatalogue.quantity(name, -.infinity))
        default: return .string(s)
        }
    }

    /// `2026-11-29 08:40:12` (UTC).
    static func dateText(_ secondsSince1970: Double) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: secondsSince1970))
    }
}
