import Foundation
import NASCore
import NASEngine

/// Builtins that draw: `plot` (line, scatter, histogram and bar plots from tables and runs).
/// `save(p, "x.svg")` in StoreBuiltins writes a plot; the `| plot x: …, y: …` verb calls `plot`.
extension BuiltinRegistry {
    /// Registers the plotting builtins.
    func registerPlotBuiltins() {
        register(Builtin("plot", category: "plots", summary: "a line, scatter, histogram or bar plot of a table or of runs",
                         help: "Returns a plot: it prints as a drawing in braille and block characters fitted to the width of the output, with a marker glyph per series and a legend so it reads without colour, and axes labelled with their units (s, ms, %, MB, k, …); save(p, \"x.svg\") writes it as SVG. `data` is a table (or a list of records), a run (its trials, with x: trial and y: best by default), a list of runs (one series each), or a list of numbers such as a learning curve (against 1, 2, 3, …; x and y name the axes). The kind is `kind:` or else: a histogram of x without y, a bar chart when x holds text (one bar per row, such as the rows of a group … summarize), a scatter plot with front: true, a line plot otherwise. `y` is a column or a list of columns (one series each, as train/validation learning curves); `by:` splits the rows into one series per value; `band:` names the column of replicates (such as seed): each series becomes their mean, with their spread (min to max) as a shaded band, each replicate counting at x with its latest value at or before x. `y: best` on a table without a `best` column plots the best score so far (the running maximum of `score`, per run or seed). A y column of JSON lists of numbers (the `curve` column of training trials) gives one learning curve per row against epochs 1, 2, 3, … (named by `by:` or by trial). A scatter plot with front: true marks the Pareto front of smallest x and largest y. In a pipeline, `t | plot x: trial, y: best` is plot(t, x: \"trial\", y: \"best\"): bare names there are columns. Fields: kind, title, x, y (axis labels), xticks, yticks, series (names), points (a table: series, x, y), bars (label, start, end, value), svg.",
                         parameters: [Parameter("data", .any, help: "a table, a list of records, a run, a list of runs or a list of numbers"),
                                      Parameter("x", .string, default: Value.none, help: "the horizontal column (trial for runs)"),
                                      Parameter("y", .any, default: Value.none, help: "the vertical column, or a list of columns (best for runs)"),
                                      Parameter("kind", .string, default: Value.none, keywordOnly: true, help: "\"line\", \"scatter\", \"histogram\" or \"bar\""),
                                      Parameter("by", .string, default: Value.none, keywordOnly: true, help: "a column: one series per value"),
                                      Parameter("band", .string, default: Value.none, keywordOnly: true, help: "a column of replicates (seed, run): mean line and min–max band"),
                                      Parameter("front", .bool, default: .bool(false), keywordOnly: true, help: "mark the Pareto front (smallest x, largest y)"),
                                      Parameter("bins", .integer, default: Value.none, keywordOnly: true, help: "a histogram's bin count (Sturges' rule by default)"),
                                      Parameter("title", .string, default: Value.none, keywordOnly: true, help: "the title (by default made from the columns)")],
                         example: "trials(r) | plot x: trial, y: best\nsimulate(random(), on: s, using: ev, budget: 20000s, seeds: 5, trials: true) | plot x: clock, y: best, band: seed\nbench_table(\"nb201\") | plot x: params, y: accuracy, front: true\nbench_table(\"nb201\") | plot x: accuracy, bins: 20\nplot([r1, r2])\nplot(evaluate(train_ev, a).curve, x: \"epoch\", y: \"accuracy\")\nsave(p, \"search.svg\")") { call in
            let (table, defaults) = try plotData(call)
            let request = try plotRequest(call, defaults)
            do {
                return .object(PlotValue(try request.plot(table)))
            } catch let error as PlotError {
                throw BuiltinError(error.message)
            }
        })
    }
}

/// Columns a plot uses unless its call names others: those of a run's trials.
private struct PlotDefaults {
    var x: String?
    var y: [String] = []
    var by: String?
}

/// The table a plot draws, and the columns to use by default for it.
private func plotData(_ call: BuiltinCall) throws -> (Table, PlotDefaults) {
    let data = call["data"]
    if case .object(let o) = data, let run = o as? RunValue {
        return (try call.session.trialsTable(run: run.id).materialize(), PlotDefaults(x: "trial", y: [PlotRequest.bestColumn]))
    }
    if case .list(let items) = data, !items.isEmpty, case let runs = items.compactMap(runValue), runs.count == items.count {
        // One series per run, in the order the list gives them (runs that ran side by side interleave in the store).
        let order = Dictionary(runs.enumerated().map { (Cell.number(Quantity(Double($0.element.id))), $0.offset) },
                               uniquingKeysWith: { first, _ in first })
        let all = try call.session.trialsTable(run: nil).materialize()
        guard let runColumn = all.columnIndex("run") else { throw BuiltinError("the store's trials have no run column", argument: "data") }
        let rows = all.rows.enumerated().filter { order[$0.element[runColumn]] != nil }
            .sorted { (order[$0.element[runColumn]]!, $0.offset) < (order[$1.element[runColumn]]!, $1.offset) }
            .map(\.element)
        return (Table(columns: all.columns, rows: rows), PlotDefaults(x: "trial", y: [PlotRequest.bestColumn], by: "run"))
    }
    if case .list(let items) = data, !items.isEmpty, case let numbers = items.compactMap(quantity), numbers.count == items.count {
        return try sequenceTable(numbers, call)
    }
    switch data {
    case .table, .list: return (try call.table("data"), PlotDefaults())
    default: throw BuiltinError("plot needs a table, a list of records or of numbers, a run or a list of runs, got \(data.kindDescription)", argument: "data")
    }
}

/// A list of numbers (a learning curve) as a table: x counts 1, 2, 3, … and y holds the numbers, under the
/// names the call gives (index and value by default).
private func sequenceTable(_ numbers: [Quantity], _ call: BuiltinCall) throws -> (Table, PlotDefaults) {
    let x = call.isNone("x") ? "index" : try call.string("x")
    let y = try yColumns(call)?.first ?? "value"
    let rows = numbers.enumerated().map { [Cell.number(Quantity(Double($0.offset + 1))), Cell.number($0.element)] }
    return (Table(columns: [x, y], rows: rows), PlotDefaults(x: x, y: [y]))
}

/// The number a value holds, if it is one.
private func quantity(_ value: Value) -> Quantity? {
    if case .number(let q) = value { return q }
    return nil
}

/// The run a value holds, if it is one.
private func runValue(_ value: Value) -> RunValue? {
    if case .object(let o) = value { return o as? RunValue }
    return nil
}

/// The request the call's arguments describe, filling in the data's default columns.
private func plotRequest(_ call: BuiltinCall, _ defaults: PlotDefaults) throws -> PlotRequest {
    var request = PlotRequest()
    if !call.isNone("kind") {
        let name = try call.string("kind")
        guard let kind = PlotKind(rawValue: name) else {
            let names = PlotKind.allCases.map(\.rawValue)
            throw BuiltinError("unknown plot kind '\(name)'\(Spelling.didYouMean(name, among: names)) (kinds: \(names.joined(separator: ", ")))", argument: "kind")
        }
        request.kind = kind
    }
    request.x = call.isNone("x") ? defaults.x : try call.string("x")
    request.y = try yColumns(call) ?? defaults.y
    request.by = call.isNone("by") ? defaults.by : try call.string("by")
    request.band = call.isNone("band") ? nil : try call.string("band")
    request.front = try call.bool("front")
    if !call.isNone("bins") {
        let bins = try call.int("bins")
        guard (1...500).contains(bins) else { throw BuiltinError("bins must be between 1 and 500, got \(bins)", argument: "bins") }
        request.bins = bins
    }
    request.title = call.isNone("title") ? nil : try call.string("title")
    return request
}

/// The y argument as column names: a string or a list of strings; nil when left out.
private func yColumns(_ call: BuiltinCall) throws -> [String]? {
    switch call["y"] {
    case .none: return nil
    case .string(let s): return [s]
    case .list(let items):
        return try items.map { item in
            guard case .string(let s) = item else { throw BuiltinError("y must be a column name or a list of column names", argument: "y") }
            return s
        }
    default: throw BuiltinError("y must be a column name or a list of column names", argument: "y")
    }
}
