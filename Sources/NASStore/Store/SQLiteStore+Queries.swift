import Foundation
import GRDB
import NASCore

extension SQLiteStore {
    public func trialsTable(run id: Int64?, query: TableQuery) throws -> NASCore.Table {
        try read { db in
            let catalogue = ColumnCatalogue.trials(metrics: try Self.metricNames(run: id, db))
            var base: [(sql: String, arguments: [DatabaseValue])] = []
            if let id {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM runs WHERE id = ?", arguments: [id]) != nil else {
                    throw StoreError.noSuchRun(id)
                }
                base.append(("t.run_id = ?", [id.databaseValue]))
            }
            let builder = SQLQueryBuilder(catalogue: catalogue, from: "trials t", baseConditions: base, tieBreaker: "t.id")
            return try Self.fetchTable(builder.build(query), db)
        }
    }

    public func runsTable(query: TableQuery) throws -> NASCore.Table {
        try read { db in
            let builder = SQLQueryBuilder(catalogue: .runs(.sqlite), from: "runs r", baseConditions: [], tieBreaker: "r.id")
            return try Self.fetchTable(builder.build(query), db)
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

    public func sql(_ text: String) throws -> NASCore.Table {
        let statementText = try ReadOnlySQL.validate(text)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA query_only = ON") }
        do {
            let reader = try DatabaseQueue(path: path, configuration: configuration)
            return try reader.read { db in
                let statement = try ReadOnlySQL.prepare(statementText, db)
                let names = statement.columnNames
                let rows = try Row.fetchAll(statement).map { row in
                    names.indices.map { CellReader.cell(row[$0] as DatabaseValue, name: names[$0]) }
                }
                return NASCore.Table(columns: names, rows: rows)
            }
        } catch let error as DatabaseError {
            throw StoreError.database(error.message ?? error.description)
        }
    }

    /// The metric names of one run's trials (of all runs when nil).
    static func metricNames(run id: Int64?, _ db: Database) throws -> [String] {
        if let id {
            return try String.fetchAll(db, sql: "SELECT name FROM run_metrics WHERE run_id = ? ORDER BY name", arguments: [id])
        }
        return try String.fetchAll(db, sql: "SELECT DISTINCT name FROM run_metrics ORDER BY name")
    }

    /// Runs a built query and reads its rows into a table.
    static func fetchTable(_ built: (sql: String, arguments: [DatabaseValue], columns: [QueryColumn]),
                           _ db: Database) throws -> NASCore.Table {
        let rows = try Row.fetchAll(db, sql: built.sql, arguments: StatementArguments(built.arguments)).map { row in
            built.columns.indices.map { CellReader.cell(row[$0] as DatabaseValue, column: built.columns[$0]) }
        }
        return NASCore.Table(columns: built.columns.map(\.name), rows: rows)
    }
}
