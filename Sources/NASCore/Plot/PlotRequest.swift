import Foundation

/// What to plot from a table: the kind, the columns on each axis, how rows split into series,
/// which column holds replicate runs (drawn as a mean line and a min–max band), and the title.
public struct PlotRequest: Sendable, Hashable {
    /// The kind; nil picks one from the columns (see `resolvedKind`).
    public var kind: PlotKind?
    /// The horizontal column (the measured column of a histogram, the categories of a bar chart).
    public var x: String?
    /// The vertical columns: one series each.
    public var y: [String]
    /// A column whose values split the rows into series (one per value, in order of first appearance).
    public var by: String?
    /// A column whose values are replicates (seeds): each series becomes their mean with a min–max band.
    public var band: String?
    /// Whether a scatter plot marks the Pareto front (smallest x, largest y).
    public var front: Bool
    /// A histogram's bin count; nil for Sturges' rule (⌈log₂ n⌉ + 1).
    public var bins: Int?
    /// The title; nil for one made from the columns.
    public var title: String?

    /// A request with these settings.
    public init(kind: PlotKind? = nil, x: String? = nil, y: [String] = [], by: String? = nil, band: String? = nil,
                front: Bool = false, bins: Int? = nil, title: String? = nil) {
        self.kind = kind
        self.x = x
        self.y = y
        self.by = by
        self.band = band
        self.front = front
        self.bins = bins
        self.title = title
    }

    /// The name of the best-so-far column made from `score` when a table has none.
    public static let bestColumn = "best"

    /// The kind to draw: as asked, else a histogram without y, a bar chart over a text x column,
    /// a scatter plot with a front, and a line plot otherwise.
    public func resolvedKind(_ table: Table) -> PlotKind {
        if let kind { return kind }
        if y.isEmpty { return .histogram }
        if let x, let column = table.column(x), column.contains(where: { if case .string = $0 { return true }; return false }) { return .bar }
        return front ? .scatter : .line
    }

    /// The plot of `table`.
    public func plot(_ input: Table) throws -> Plot {
        if y.count == 1, let curves = Self.curves(input, y[0]) { return try curvePlot(input, curves) }
        let table = withBestSoFar(input)
        let kind = resolvedKind(table)
        guard let x else { throw PlotError("plot needs an x column (as in x: trial)") }
        try check([x] + y + [by, band].compactMap { $0 }, in: table)
        switch kind {
        case .histogram: return try histogram(table, x)
        case .bar: return try barChart(table, x)
        case .line, .scatter:
            guard !y.isEmpty else { throw PlotError("a \(kind.rawValue) plot needs a y column (as in y: accuracy)") }
            return try chart(table, kind, x)
        }
    }

    private func check(_ names: [String], in table: Table) throws {
        for name in names where table.columnIndex(name) == nil {
            throw PlotError(TableError.unknownColumn(name, in: table.columns).message)
        }
    }

    /// The table with a `best` column (the running maximum of `score` per run or seed, in trial order)
    /// when y asks for one and the table has `score` but no `best`.
    func withBestSoFar(_ table: Table) -> Table {
        guard y.contains(Self.bestColumn), table.columnIndex(Self.bestColumn) == nil, let score = table.columnIndex("score") else { return table }
        let runColumn = ["run", "seed"].lazy.compactMap { table.columnIndex($0) }.first
        var best: [Cell: Quantity] = [:]
        var values = Array(repeating: Cell.null, count: table.count)
        for i in trialOrder(table) {
            let row = table.rows[i]
            let key = runColumn.map { row[$0] } ?? .null
            if case .number(let q) = row[score], q.value.isFinite, best[key].map({ q.value > $0.value }) ?? true { best[key] = q }
            values[i] = best[key].map(Cell.number) ?? .null
        }
        return table.extended(Self.bestColumn, values: values)
    }

    /// The row indexes in order of the `trial` column (stable; rows without one keep their place at the end).
    private func trialOrder(_ table: Table) -> [Int] {
        guard let trial = table.columnIndex("trial") else { return Array(table.rows.indices) }
        let key = { (i: Int) -> Double in table.rows[i][trial].doubleValue ?? .infinity }
        return table.rows.indices.sorted { (key($0), $0) < (key($1), $1) }
    }
}
