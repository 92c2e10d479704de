import GRDB
import NASCore

/// The whitelist of columns of one store table: the only names a query may use.
struct ColumnCatalogue: Sendable {
    /// The table's name as users know it (`trials`, `runs`).
    var table: String
    /// Every column a query may name, in order.
    var columns: [QueryColumn]
    /// The names of the columns a query that selects none is given: every column, less the
    /// architecture parameters one-shot methods record per epoch (`alpha.<edge>.<op>`, dozens of them),
    /// which stay selectable by name and have their own view (`Session.architectureWeights`).
    var shownByDefault: [String] { columns.map(\.name).filter { !$0.hasPrefix(ColumnCatalogue.architectureWeightPrefix) } }

    /// The prefix of the metrics that hold a one-shot method's architecture parameters.
    static let architectureWeightPrefix = "alpha."

    /// The column with this name, or an error that lists the existing ones.
    func column(_ name: String) throws -> QueryColumn {
        guard let found = columns.first(where: { $0.name == name }) else {
            throw StoreError.unknownColumn(name, table: table, available: columns.map(\.name))
        }
        return found
    }

    /// The columns of the trials table, given the metric names present.
    static func trials(metrics: [String]) -> ColumnCatalogue {
        var columns: [QueryColumn] = [
            QueryColumn("run", sql: "t.run_id", .integer),
            QueryColumn("trial", sql: "t.seq", .integer),
            QueryColumn("arch", sql: "t.architecture", .text),
            QueryColumn("status", sql: "t.status", .text),
            QueryColumn("epochs", sql: "t.epochs", .integer),
            QueryColumn("seed", sql: "t.seed", .integer),
        ]
        columns += MetricCatalogue.ordered(metrics).map(metricColumn)
        columns += [
            QueryColumn("score", sql: "t.score", .metric),
            QueryColumn("wall_time", sql: "t.wall_seconds", .seconds),
            QueryColumn("sim_time", sql: "t.simulated_seconds", .seconds),
            QueryColumn("cached", sql: "t.cached", .bool),
            QueryColumn("error", sql: "t.error", .text),
            QueryColumn("identity", sql: "t.identity", .text),
            // The per-epoch validation accuracies of a training trial (JSON), and how many epochs it ran:
            // fewer than `epochs` when learning-curve early stopping ended it.
            QueryColumn("curve", sql: "t.curve", .text),
            QueryColumn("curve_epochs", sql: "json_array_length(t.curve)", .integer),
        ]
        return ColumnCatalogue(table: "trials", columns: columns)
    }

    /// The column of one metric: its own SQL column when the schema promotes it, else read from the JSON.
    private static func metricColumn(_ metric: String) -> QueryColumn {
        if StoreSchema.promotedMetrics.contains(metric) { return QueryColumn.promotedMetric(metric, jsonPath: jsonPath(metric)) }
        return QueryColumn(metric, sql: "json_extract(t.metrics, ?)", arguments: [jsonPath(metric).databaseValue], .metric)
    }

    /// The columns of the runs table, in a store's dialect.
    static func runs(_ dialect: SQLDialect) -> ColumnCatalogue { ColumnCatalogue(table: "runs", columns: [
        QueryColumn("run", sql: "r.id", .integer),
        QueryColumn("strategy", sql: "r.strategy", .text),
        QueryColumn("space", sql: "r.space", .text),
        QueryColumn("evaluator", sql: "r.evaluator", .text),
        QueryColumn("objective", sql: "r.objective_metric || CASE r.maximise WHEN 1 THEN ' max' ELSE ' min' END", .text),
        QueryColumn("budget", sql: dialect.realAsText("r.budget_amount") + " || ' ' || r.budget_kind", .text),
        QueryColumn("seed", sql: "r.seed", .integer),
        QueryColumn("status", sql: "r.status", .text),
        QueryColumn("trials", sql: "(SELECT COUNT(*) FROM trials t WHERE t.run_id = r.id AND t.status IN ('done', 'failed'))", .integer),
        // The score is the objective's metric, negated when minimised.
        QueryColumn("best", sql: """
            (SELECT CASE r.maximise WHEN 1 THEN MAX(t.score) ELSE -MAX(t.score) END
             FROM trials t WHERE t.run_id = r.id AND t.status = 'done')
            """, .integer),
        QueryColumn("created", sql: "r.created_at", .date),
        QueryColumn("finished", sql: "r.finished_at", .date),
        QueryColumn("error", sql: "r.error", .text),
    ]) }

    /// The columns of one latency table's entries.
    static let latency = ColumnCatalogue(table: "latency table", columns: [
        QueryColumn("key", sql: "e.key", .text),
        QueryColumn("latency", sql: "e.seconds", .seconds),
        QueryColumn("cv", sql: "e.cv", .metric),
    ])

    /// The JSON path of a metric inside the `metrics` object.
    static func jsonPath(_ metric: String) -> String {
        "$." + StoreJSON.quoted(metric)
    }
}
