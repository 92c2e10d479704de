import Foundation
import GRDB
import NASCore

/// Translates a `TableQuery` into one parameterised SQL statement over a column whitelist.
///
/// Column names are looked up in the catalogue (never pasted from user input) and every value
/// travels as a statement argument, so no query can change what the statement does.
struct SQLQueryBuilder {
    /// The whitelist.
    var catalogue: ColumnCatalogue
    /// `FROM ...` with its joins (fixed text).
    var from: String
    /// Conditions that always apply (fixed text with placeholders), and their values.
    var baseConditions: [(sql: String, arguments: [DatabaseValue])]
    /// A fixed last sort key that makes the order total (`t.id`).
    var tieBreaker: String

    /// The statement and the columns it returns, in order.
    func build(_ query: TableQuery) throws -> (sql: String, arguments: [DatabaseValue], columns: [QueryColumn]) {
        let selected = try (query.columns ?? catalogue.shownByDefault).map(catalogue.column)
        var arguments: [DatabaseValue] = []
        let selectList = selected.map { column -> String in
            let shown = column.display ?? (column.sql, column.arguments)
            arguments += shown.arguments
            return "\(shown.sql) AS \(quotedIdentifier(column.name))"
        }.joined(separator: ", ")
        var sql = "SELECT \(selectList) FROM \(from)"
        var conditions = baseConditions.map { condition -> String in
            arguments += condition.arguments
            return condition.sql
        }
        if let filter = query.filter { conditions.append(try condition(filter, arguments: &arguments)) }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY " + (try orderTerms(query.sort, arguments: &arguments) + [tieBreaker]).joined(separator: ", ")
        if let limit = query.limit {
            sql += " LIMIT ?"
            arguments.append(limit.databaseValue)
        }
        return (sql, arguments, selected)
    }

    /// The SQL of a condition, appending its values.
    private func condition(_ filter: TableFilter, arguments: inout [DatabaseValue]) throws -> String {
        switch filter {
        case .and(let a, let b):
            return "(\(try condition(a, arguments: &arguments)) AND \(try condition(b, arguments: &arguments)))"
        case .or(let a, let b):
            return "(\(try condition(a, arguments: &arguments)) OR \(try condition(b, arguments: &arguments)))"
        case .not(let a):
            return "(NOT \(try condition(a, arguments: &arguments)))"
        case .compare(let name, let op, let value):
            return try comparison(catalogue.column(name), op, value, arguments: &arguments)
        }
    }

    /// `column op ?` with the in-memory pipeline's treatment of missing values: a comparison
    /// with a missing value is false, except `!=`, which is true; `== none` tests for missing.
    /// (So `not (latency < 4ms)` keeps rows without a latency, as it does in memory.)
    private func comparison(_ column: QueryColumn, _ op: ComparisonOperator, _ value: Cell,
                            arguments: inout [DatabaseValue]) throws -> String {
        if case .null = value {
            guard op == .equal || op == .notEqual else {
                throw StoreError.typeMismatch(column: column.name, expected: "values", got: "none using \(op.rawValue)")
            }
            arguments += column.arguments
            return "(\(column.sql) IS \(op == .equal ? "" : "NOT ")NULL)"
        }
        let bound = try databaseValue(value, for: column)
        arguments += column.arguments + column.arguments
        arguments.append(bound)
        if op == .notEqual {
            return "(\(column.sql) IS NULL OR \(column.sql) <> ?)"
        }
        return "(\(column.sql) IS NOT NULL AND \(column.sql) \(op.sql) ?)"
    }

    /// The stored form of a constant, checked against the column's kind and unit.
    private func databaseValue(_ value: Cell, for column: QueryColumn) throws -> DatabaseValue {
        switch (value, column.kind.isNumeric) {
        case (.number(let q), true):
            _ = try Quantity.compare(Quantity(0, column.dimension), q)
            return q.value.databaseValue
        case (.bool(let b), true) where column.kind == .bool: return (b ? 1 : 0).databaseValue
        case (.string(let s), false): return s.databaseValue
        case (.number(let q), false):
            throw StoreError.typeMismatch(column: column.name, expected: "text", got: q.description)
        case (.string(let s), true):
            throw StoreError.typeMismatch(column: column.name, expected: column.kind == .bool ? "true or false" : "numbers",
                                          got: "text \"\(s)\"")
        case (.bool(let b), _):
            throw StoreError.typeMismatch(column: column.name, expected: column.kind.isNumeric ? "numbers" : "text", got: "\(b)")
        case (.null, _): return .null
        }
    }

    /// The ORDER BY terms of the sort keys (missing values last), appending their values.
    private func orderTerms(_ keys: [TableSort], arguments: inout [DatabaseValue]) throws -> [String] {
        try keys.map { key in
            let column = try catalogue.column(key.column)
            arguments += column.arguments
            return "\(column.sql) \(key.descending ? "DESC" : "ASC") NULLS LAST"
        }
    }

    /// A column name as an SQL identifier (names come from the whitelist; quotes are doubled anyway).
    private func quotedIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
