import Foundation

/// Learning curves kept in a text column, one list per row, such as the `curve` column of training trials.
extension PlotRequest {
    /// The per-row lists of a column whose every non-empty cell is a JSON list of numbers (`[0.41,0.57,0.63]`);
    /// nil when the column holds anything else or has no such cell.
    static func curves(_ table: Table, _ column: String) -> [[Double]?]? {
        guard let index = table.columnIndex(column) else { return nil }
        var found = false
        var lists: [[Double]?] = []
        for row in table.rows {
            switch row[index] {
            case .null: lists.append(nil)
            case .string(let text):
                guard let list = numberList(text) else { return nil }
                found = found || !list.isEmpty
                lists.append(list)
            default: return nil
            }
        }
        return found ? lists : nil
    }

    /// A JSON list of finite numbers, or nil.
    static func numberList(_ text: String) -> [Double]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("["), trimmed.hasSuffix("]") else { return nil }
        let body = trimmed.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
        if body.isEmpty { return [] }
        var numbers: [Double] = []
        for part in body.split(separator: ",", omittingEmptySubsequences: false) {
            guard let v = Double(part.trimmingCharacters(in: .whitespaces)), v.isFinite else { return nil }
            numbers.append(v)
        }
        return numbers
    }

    /// One line per row against epochs 1, 2, 3, …: named by the `by` column's value, else `trial N`
    /// (or `row N`); the values read as accuracies (fractions shown in %), as validation curves are.
    func curvePlot(_ table: Table, _ curves: [[Double]?]) throws -> Plot {
        let nameColumn = by.flatMap { table.columnIndex($0) } ?? table.columnIndex("trial")
        var series: [PlotSeries] = []
        for (i, curve) in curves.enumerated() {
            guard let curve, !curve.isEmpty else { continue }
            let name: String
            if let nameColumn {
                let cell = table.rows[i][nameColumn]
                if case .string(let s) = cell { name = s } else { name = "\(table.columns[nameColumn]) \(cell.description)" }
            } else {
                name = "row \(i + 1)"
            }
            let points = curve.enumerated().map { PlotPoint(Double($0.offset + 1), $0.element) }
            series.append(PlotSeries(name: name, points: points, joined: true, marked: false))
        }
        let all = series.flatMap(\.points)
        let unit = MetricCatalogue.quantity("accuracy", 0)
        let xName = x ?? "epoch"
        let xAxis = PlotAxis(name: xName, minimum: all.map(\.x).min() ?? 1, maximum: all.map(\.x).max() ?? 1)
        let yAxis = PlotAxis(name: y[0], minimum: all.map(\.y).min() ?? 0, maximum: all.map(\.y).max() ?? 1,
                             dimension: unit.dimension, hint: unit.hint)
        return Plot(kind: .line, title: title ?? "\(y[0]) against \(xName)", x: xAxis, y: yAxis, series: series)
    }
}
