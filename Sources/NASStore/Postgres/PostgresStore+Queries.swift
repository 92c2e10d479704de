import Foundation
import GRDB
import NASCore

extension PostgresStore {
    public func trialsTable(run id: Int64?, query: TableQuery) throws -> NASCore.Table {
        try read { connection in
            let catalogue = ColumnCatalogue.trials(metrics: try Self.metricNames(run: id, connection))
            var base: [(sql: String, arguments: [DatabaseValue])] = []
            if let id {
                guard try connection.query("SELECT 1 FROM runs WHERE id = ?", [id]).scalar != nil else {
                    throw StoreError.noSuchRun(id)
                }
                base.append(("t.run_id = ?", [id.databaseValue]))
            }
            let builder = SQLQueryBuilder(catalogue: catalogue, from: "trials t", baseConditions: base, tieBreaker: "t.id")
            return try Self.fetchTable(builder.build(query), connection)
        }
    }

    public func runsTable(query: TableQuery) throws -> NASCore.Table {
        try read { connection in
            let builder = SQLQueryBuilder(catalogue: .runs(.postgres), from: "runs r", baseConditions: [], tieBreaker: "r.id")
            return try Self.fetchTable(builder.build(query), connection)
        }
    }

    public func best(run id: Int64, by metric: String?, maximise: Bool?) throws -> NASCore.Table {
        guard let run = try run(id) else { throw StoreError.noSuchRun(id) }
        let name = metric ?? run.objectiveMetric
        let larger = maximise ?? (metric == nil ? run.maximise : !MetricDirection.prefersSmaller(name))
        let query = TableQuery(filter: .and(.compare("status", .equal, .string("done")), .compare(name, .notEqual, .null)),
                               sort: [TableSort(name, descending: larger)], limit: 1)
        return try trialsTable(run: id, query: query)
    }

    /// Runs one read-only statement in a read-only transaction: the server refuses anything that
    /// writes, and the extended protocol refuses several statements.
    public func sql(_ text: String) throws -> NASCore.Table {
        let statementText = try ReadOnlySQL.validate(text)
        return try read { connection in
            let result: PostgresRows
            do {
                result = try connection.execute(statementText)
            } catch let failure as PostgresFailure {
                if let refusal = Self.readOnlyError(failure) { throw refusal }
                throw failure
            }
            let rows = result.values.map { row in
                result.columns.indices.map { CellReader.cell(row[$0], name: result.columns[$0]) }
            }
            return NASCore.Table(columns: result.columns, rows: rows)
        }
    }

    /// The SQLite store's words for a statement refused because it writes or is several.
    private static func readOnlyError(_ failure: PostgresFailure) -> StoreError? {
        switch failure.sqlState {
        case "25006": return .notReadOnly("the statement would change the store")
        case "42601" where failure.message.contains("multiple commands"): return .notReadOnly("it holds more than one statement")
        default: return nil
        }
    }

    /// The metric names of one run's trials (of all runs when nil).
    static func metricNames(run id: Int64?, _ connection: PostgresConnection) throws -> [String] {
        let rows = if let id {
            try connection.query("SELECT name FROM run_metrics WHERE run_id = ? ORDER BY name", [id])
        } else {
            try connection.query("SELECT DISTINCT name FROM run_metrics ORDER BY name")
        }
        return rows.values.compactMap { String.fromDatabaseValue($0[0]) }
    }

    /// Runs a built query and reads its rows into a table.
    static func fetchTable(_ built: (sql: String, arguments: [DatabaseValue], columns: [QueryColumn]),
                           _ connection: PostgresConnection) throws -> NASCore.Table {
        let result = try connection.execute(SQLDialect.postgres.placeholders(built.sql), built.arguments)
        let rows = result.values.map { row in
            built.columns.indices.map { CellReader.cell(row[$0], column: built.columns[$0]) }
        }
        return NASCore.Table(columns: built.columns.map(\.name), rows: rows)
    }
}
