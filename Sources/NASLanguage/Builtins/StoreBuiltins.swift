import Foundation
import NASCore
import NASEngine

/// Builtins that query the experiment store and move tables in and out: trials, best, pareto, sql, save, load.
extension BuiltinRegistry {
    /// Registers the store and query builtins.
    func registerStoreBuiltins() {
        registerTrialQueries()
        registerFiles()
    }

    private func registerTrialQueries() {
        register(Builtin("trials", category: "results", summary: "the trials of a run (or of every run) as a table",
                         help: "Returns the trials of one run, or of every run in the store without an argument: run, trial, architecture, status, epochs, seed, every metric (accuracy, test_accuracy, params, latency, …), score, wall_time, sim_time, cached, error, identity, curve (the per-epoch validation accuracies of a training trial) and curve_epochs (how many epochs it ran: fewer than epochs when early stopping ended it). It is store-backed: where, sort, take and select run as one parameterised SQL query in the store, so filtering a million trials does not load them. It can be queried while the run works.",
                         parameters: [Parameter("run", .object("run"), default: Value.none, help: "a run; all runs when left out")],
                         example: "trials(r) | where accuracy > 93% | sort accuracy desc | take 5") { call in
            let id = call.isNone("run") ? nil : try call.object("run", as: RunValue.self).id
            return .table(TableValue(try call.session.trialsTable(run: id)))
        })
        register(Builtin("best", category: "results", summary: "the best finished trial of a run, as a record",
                         help: "Returns the run's best finished trial as a record (none when no trial has finished): by the run's objective, or by the metric `by` (largest first for accuracies, smallest first for losses, latency, params, times, unless `maximize` says).",
                         parameters: [Parameter("run", .object("run"), help: "a run, from launch() or run(id)"),
                                      Parameter("by", .string, default: Value.none, help: "a metric to rank by instead of the objective"),
                                      Parameter("maximize", .bool, default: Value.none, keywordOnly: true, help: "whether larger `by` is better (default: by the metric's name)")],
                         example: "best(r).accuracy\nbest(r, by: \"test_accuracy\")") { call in
            let run = try call.object("run", as: RunValue.self)
            let metric = call.isNone("by") ? nil : try call.string("by")
            let maximise = call.isNone("maximize") ? nil : try call.bool("maximize")
            return try run.best(by: metric, maximise: maximise)
        })
        register(Builtin("pareto", category: "results", summary: "the Pareto front of a table on two columns",
                         help: "Returns the rows that no other row beats on both columns: by default the smallest `x` (such as latency) and the largest `y` (such as accuracy); flip either with x_goal: \"max\" or y_goal: \"min\". Rows with a missing value in either column are left out; the front is sorted from the best x to the worst.",
                         parameters: [Parameter("t", .table, help: "a table (or a list of records)"),
                                      Parameter("x", .string, help: "the first column (smaller is better by default)"),
                                      Parameter("y", .string, help: "the second column (larger is better by default)"),
                                      Parameter("x_goal", .string, default: .string("min"), keywordOnly: true, help: "\"min\" or \"max\""),
                                      Parameter("y_goal", .string, default: .string("max"), keywordOnly: true, help: "\"min\" or \"max\"")],
                         paper: "Deb et al., A Fast and Elitist Multiobjective Genetic Algorithm: NSGA-II, 2002 (non-domination)",
                         example: "trials(r) | pareto(x: \"latency\", y: \"accuracy\")") { call in
            let table = try call.table("t")
            let x = try call.string("x"), y = try call.string("y")
            for (column, argument) in [(x, "x"), (y, "y")] where table.columnIndex(column) == nil {
                throw BuiltinError("the table has no column '\(column)'\(Spelling.didYouMean(column, among: table.columns)) (columns: \(table.columns.joined(separator: ", ")))", argument: argument)
            }
            return .table(try table.pareto(x: (x, try minimises(call, "x_goal")), y: (y, try minimises(call, "y_goal"))))
        })
        register(Builtin("sql", category: "results", summary: "run a read-only SQL query on the store",
                         help: "Runs one SELECT (or WITH … SELECT) statement on the session's store (the workspace's SQLite file, or PostgreSQL: see store()) and returns its rows as a table. The store's tables: runs, trials (metrics as JSON in `metrics`, the common ones also as columns), latency_tables, latency_entries. Anything that would change the store is refused, and the connection is read-only.",
                         parameters: [Parameter("query", .string, help: "one SELECT statement")],
                         example: "sql(\"select strategy, count(*) as n from runs group by strategy\")") { call in
            .table(try call.session.sql(try call.string("query")))
        })
    }

    private func registerFiles() {
        register(Builtin("save", category: "tables", summary: "write a table to a CSV or JSON file, a plot to an SVG or text file, an architecture's diagram to SVG, dot or text",
                         help: "Writes a table to `path`, as CSV (.csv) or JSON (.json, an array of row objects), with numbers in base units (fractions, seconds, bytes) so other tools read them. Writes a plot as SVG (.svg: axes, ticks, labels, legend and title, drawn by naslab) or as its terminal drawing (.txt, 100 columns). Writes an architecture's diagram (the graph `dot(a)` gives: the cell for cell spaces, the decoded network otherwise) as SVG drawn by Graphviz's `dot` (.svg), as the dot text (.dot) or as the text diagram the REPL shows (.txt); without Graphviz, .svg is an error that says so (.dot and .txt still work). Returns the path.",
                         parameters: [Parameter("value", .any, help: "the table (or list of records), plot or architecture to write"),
                                      Parameter("path", .string, help: "a .csv or .json file for a table; a .svg or .txt file for a plot; a .svg, .dot or .txt file for an architecture")],
                         example: "trials(r) | sort accuracy desc | take 10 | save(\"best.csv\")\nsave(plot(r), \"search.svg\")\nsave(sample(nb201(), seed: 1), \"cell.svg\")") { call in
            let path = try call.string("path")
            if case .object(let o) = call["value"], let plot = o as? PlotValue {
                try savePlot(plot, to: path)
            } else if case .object(let o) = call["value"], let a = o as? ArchitectureValue {
                try call.session.saveDiagram(a.architecture, in: a.space, to: path)
            } else {
                try TableIO.save(try call.table("value"), to: path)
            }
            return .string(path)
        })
        register(Builtin("load", category: "tables", summary: "read a table from a CSV or JSON file",
                         help: "Reads a table from a .csv file (with a header line; RFC 4180 quoting, gzipped or not) or a .json file (an array of objects). A column named after a known metric (accuracy, latency, params, …) gets the metric's unit back. An unquoted CSV field is a number only when written the way programs write numbers (7, -2, 0.5, 1e3, nan, inf); anything else stays text, so a key like 007 keeps its leading zeros, and so do +5 and .5. `types:` fixes a column's type instead: \"text\" (exactly as written), \"number\" (any decimal: 007 is 7) or \"bool\"; a value that does not fit is an error naming the file and line.",
                         parameters: [Parameter("path", .string, help: "a .csv or .json file"),
                                      Parameter("types", .record, default: Value.none, keywordOnly: true, help: "column types, such as {key: \"text\", score: \"number\"}")],
                         example: "t = load(\"best.csv\")\nids = load(\"ids.csv\", types: {key: \"text\"})") { call in
            .table(try TableIO.load(from: try call.string("path"), types: try columnTypes(call)))
        })
    }
}

/// The `types:` record of `load` as column types, each "text", "number" or "bool".
private func columnTypes(_ call: BuiltinCall) throws -> [String: ColumnType] {
    guard case .record(let record) = call["types"] else { return [:] }
    let names = ColumnType.allCases.map(\.rawValue)
    var types: [String: ColumnType] = [:]
    for (column, value) in record.fields {
        guard case .string(let name) = value, let type = ColumnType(rawValue: name) else {
            let given = if case .string(let s) = value { "'\(s)'\(Spelling.didYouMean(s, among: names))" } else { value.kindDescription }
            throw BuiltinError("types: the type of column '\(column)' must be one of \(names.map { "\"\($0)\"" }.joined(separator: ", ")), got \(given)",
                               argument: "types")
        }
        types[column] = type
    }
    return types
}

private func minimises(_ call: BuiltinCall, _ name: String) throws -> Bool {
    switch try call.string(name).lowercased() {
    case "min", "minimize", "minimise": return true
    case "max", "maximize", "maximise": return false
    case let other: throw BuiltinError("\(name) must be \"min\" or \"max\", not \"\(other)\"", argument: name)
    }
}

/// Writes a plot as SVG (.svg) or as its terminal drawing (.txt).
private func savePlot(_ plot: PlotValue, to path: String) throws {
    let text: String
    switch (path as NSString).pathExtension.lowercased() {
    case "svg": text = plot.svg
    case "txt": text = plot.render(width: 100) + "\n"
    default: throw BuiltinError("a plot is saved as .svg or .txt, not '\((path as NSString).lastPathComponent)'", argument: "path")
    }
    do {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
        throw BuiltinError("cannot write '\(path)': \(error.localizedDescription)", argument: "path")
    }
}
