import Foundation

/// How each kind of plot is made from a table's rows.
extension PlotRequest {
    /// Line and scatter plots: one series per y column and `by` value, a band over replicates, a front.
    func chart(_ table: Table, _ kind: PlotKind, _ x: String) throws -> Plot {
        var series: [PlotSeries] = []
        for column in y {
            for group in groups(table, by) {
                let name = seriesName(column: column, group: group.key)
                let points = replicates(table, rows: group.rows, x: x, y: column)
                if band != nil {
                    let (line, spread) = Self.spread(points)
                    series.append(PlotSeries(name: name, points: line, joined: true, marked: false, band: spread))
                    continue
                }
                let flat = points.flatMap { $0 }
                series.append(PlotSeries(name: name, points: kind == .line ? flat.sorted { $0.x < $1.x } : flat,
                                         joined: kind == .line, marked: kind == .scatter))
            }
        }
        if kind == .scatter, front { series.append(try paretoFront(table, x: x, y: y[0])) }
        let all = series.flatMap(\.points)
        let bands = series.flatMap(\.band)
        guard !all.isEmpty else { throw PlotError("nothing to plot: no row has numbers in both '\(x)' and '\(y.joined(separator: "', '"))'") }
        let xs = all.map(\.x), ys = all.map(\.y) + bands.flatMap { [$0.low, $0.high] }
        let xAxis = axis(table, x, name: x, xs)
        let yAxis = axis(table, y[0], name: y.count == 1 ? y[0] : "value", ys)
        return Plot(kind: kind, title: title ?? "\(y.joined(separator: ", ")) against \(x)", x: xAxis, y: yAxis, series: series)
    }

    /// A histogram of the x column's numbers in equal bins.
    func histogram(_ table: Table, _ x: String) throws -> Plot {
        let values = numbers(table, x, rows: Array(table.rows.indices)).map(\.1)
        guard let low = values.min(), let high = values.max() else { throw PlotError("nothing to plot: column '\(x)' has no numbers") }
        let count = max(1, bins ?? Int(ceil(log2(Double(values.count)))) + 1)
        let width = high > low ? (high - low) / Double(count) : 1
        var counts = Array(repeating: 0, count: count)
        for v in values { counts[min(count - 1, Int((v - low) / width))] += 1 }
        let xAxis = axis(table, x, name: x, [low, low + width * Double(count)])
        let bars = counts.enumerated().map { i, n in
            let start = low + Double(i) * width
            return PlotBar(label: "\(xAxis.valueLabel(start))–\(xAxis.valueLabel(start + width))", start: start, end: start + width, value: Double(n))
        }
        let yAxis = PlotAxis(name: "count", minimum: 0, maximum: Double(counts.max() ?? 1))
        return Plot(kind: .histogram, title: title ?? "distribution of \(x)", x: xAxis, y: yAxis, bars: bars)
    }

    /// One bar per row: the x column names it, the first y column is its height.
    func barChart(_ table: Table, _ x: String) throws -> Plot {
        guard let column = y.first else { throw PlotError("a bar chart needs a y column for the bars' heights (as in y: n)") }
        let xi = table.columnIndex(x)!
        let heights = numbers(table, column, rows: Array(table.rows.indices))
        guard !heights.isEmpty else { throw PlotError("nothing to plot: column '\(column)' has no numbers") }
        let bars = heights.enumerated().map { i, row in
            PlotBar(label: table.rows[row.0][xi].description, start: Double(i) - 0.4, end: Double(i) + 0.4, value: row.1)
        }
        let values = bars.map(\.value)
        let yAxis = axis(table, column, name: column, [min(0, values.min()!), max(0, values.max()!)])
        return Plot(kind: .bar, title: title ?? "\(column) by \(x)", x: PlotAxis(name: x, categories: bars.map(\.label)), y: yAxis, bars: bars)
    }

    // MARK: - Rows to points

    /// The rows in groups by the `by` column's value (all rows in one group without it), in order of first appearance.
    func groups(_ table: Table, _ column: String?) -> [(key: Cell?, rows: [Int])] {
        guard let column, let index = table.columnIndex(column) else { return [(nil, Array(table.rows.indices))] }
        var order: [Cell] = [], rows: [Cell: [Int]] = [:]
        for (i, row) in table.rows.enumerated() {
            if rows[row[index]] == nil { order.append(row[index]) }
            rows[row[index], default: []].append(i)
        }
        return order.map { ($0, rows[$0]!) }
    }

    /// The group's points split by the `band` column's value (one list without it), each sorted by x.
    func replicates(_ table: Table, rows: [Int], x: String, y: String) -> [[PlotPoint]] {
        let sub = Table(columns: table.columns, rows: rows.map { table.rows[$0] })
        return groups(sub, band).map { group in
            let xs = Dictionary(uniqueKeysWithValues: numbers(sub, x, rows: group.rows))
            return numbers(sub, y, rows: group.rows).compactMap { row, v in xs[row].map { PlotPoint($0, v) } }
        }
    }

    /// The finite numbers of a column in these rows, with their row indexes.
    func numbers(_ table: Table, _ column: String, rows: [Int]) -> [(Int, Double)] {
        guard let index = table.columnIndex(column) else { return [] }
        return rows.compactMap { row in
            guard case .number(let q) = table.rows[row][index], q.value.isFinite else { return nil }
            return (row, q.value)
        }
    }

    /// A series' legend name: the column, the group's value, or both.
    func seriesName(column: String, group: Cell?) -> String {
        guard let group, let by else { return column }
        let value: String
        if case .string(let s) = group { value = s } else { value = "\(by) \(group.description)" }
        return y.count > 1 ? "\(column), \(value)" : value
    }

    /// An axis over these values, in the unit of the column's first number.
    func axis(_ table: Table, _ column: String, name: String, _ values: [Double]) -> PlotAxis {
        let first = table.column(column)?.lazy.compactMap { cell -> Quantity? in
            if case .number(let q) = cell { return q }
            return nil
        }.first
        return PlotAxis(name: name, minimum: values.min() ?? 0, maximum: values.max() ?? 1,
                        dimension: first?.dimension ?? .scalar, hint: first?.hint ?? .plain)
    }

    /// The Pareto front of x (smaller is better) and y (larger is better), joined in x order.
    func paretoFront(_ table: Table, x: String, y: String) throws -> PlotSeries {
        let front = try table.pareto(x: (x, true), y: (y, false))
        let xs = numbers(front, x, rows: Array(front.rows.indices)), ys = numbers(front, y, rows: Array(front.rows.indices))
        let yByRow = Dictionary(uniqueKeysWithValues: ys)
        let points = xs.compactMap { row, v in yByRow[row].map { PlotPoint(v, $0) } }.sorted { $0.x < $1.x }
        return PlotSeries(name: "Pareto front", points: points, joined: true, marked: true)
    }

    /// The mean of replicate runs, with their lowest and highest value, at every x where any has a point:
    /// each run's value at x is its latest point at or before x (best-so-far curves are steps).
    /// More than 200 distinct x values are thinned to 100 evenly spaced ones.
    public static func spread(_ runs: [[PlotPoint]]) -> (line: [PlotPoint], band: [PlotBandPoint]) {
        let sorted = runs.map { $0.sorted { $0.x < $1.x } }.filter { !$0.isEmpty }
        var grid = Array(Set(sorted.flatMap { $0.map(\.x) })).sorted()
        if grid.count > 200, let low = grid.first, let high = grid.last {
            grid = (0..<99).map { low + (high - low) * Double($0) / 99 } + [high]
        }
        var line: [PlotPoint] = [], band: [PlotBandPoint] = []
        for g in grid {
            let values = sorted.compactMap { run in run.last { $0.x <= g }?.y }
            guard !values.isEmpty else { continue }
            line.append(PlotPoint(g, values.reduce(0, +) / Double(values.count)))
            band.append(PlotBandPoint(x: g, low: values.min()!, high: values.max()!))
        }
        return (line, band)
    }
}
