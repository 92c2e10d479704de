import Foundation

/// Draws a `Plot` as terminal text fitted to a width: lines and points in braille, bars in block
/// characters, a marker glyph per series and a legend so it reads without colour, axes with ticks and units.
public struct PlotTextRenderer: Sendable {
    /// The width in columns the whole drawing fits in.
    public var width: Int
    /// The plot area's height in rows.
    public var height: Int

    /// A renderer for `width` columns; the plot area is `height` rows (by default about a fifth of the width).
    public init(width: Int, height: Int? = nil) {
        self.width = max(30, width)
        self.height = max(2, height ?? min(16, max(6, self.width / 5)))
    }

    /// Glyphs of a bar's top, in eighths of a cell (index 1–7).
    static let verticalEighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Glyphs of a bar's end, in eighths of a cell (index 1–7).
    static let horizontalEighths: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    /// The shade a band's cells get.
    static let shade: Character = "░"

    /// The plot as text lines joined by newlines.
    public func render(_ plot: Plot) -> String {
        var lines: [String] = []
        if !plot.title.isEmpty { lines.append(plot.title.count > width ? String(plot.title.prefix(width - 1)) + "…" : plot.title) }
        lines += plot.kind == .bar ? horizontalBars(plot) : chart(plot)
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n")
    }

    // MARK: - Charts with two numeric axes

    /// Lines, points and histogram bars inside a y axis on the left and an x axis below.
    private func chart(_ plot: Plot) -> [String] {
        let yTicks = Self.spaced(plot.y.labelledTicks, rows: height)
        let margin = yTicks.map(\.label.count).max() ?? 1
        let xTicks = plot.x.labelledTicks
        let rightPad = max(1, (xTicks.last?.label.count ?? 1) / 2)
        let columns = max(10, width - margin - 1 - rightPad)
        var area = Area(columns: columns, rows: height, x: plot.x.scale, y: plot.y.scale)
        area.drawBars(plot.bars)
        for series in plot.series where !series.band.isEmpty { area.drawBand(series.band) }
        var canvas = BrailleCanvas(columns: columns, rows: height)
        for series in plot.series where series.joined { area.drawLine(series.points, on: &canvas) }
        area.overlay(canvas)
        for index in plot.series.indices {
            area.drawMarkers(plot.markedPoints(index).map { plot.series[index].points[$0] }, glyph: PlotMarker(index).glyph)
        }
        var lines = [plot.y.label]
        let tickRows = Dictionary(yTicks.map { (area.row(of: $0.value), $0.label) }, uniquingKeysWith: { a, _ in a })
        for row in 0..<height {
            let label = tickRows[row] ?? ""
            let axis: Character = tickRows[row] == nil ? "│" : "┤"
            lines.append(String(repeating: " ", count: margin - label.count) + label + String(axis) + String(area.cells[row]))
        }
        lines += xAxis(xTicks, area: area, margin: margin)
        let centre = max(0, margin + 1 + (columns - plot.x.label.count) / 2)
        lines.append(String(repeating: " ", count: centre) + plot.x.label)
        if plot.hasLegend { lines += legend(plot) }
        return lines
    }

    /// Every k-th tick from the lowest, k the smallest that leaves a row between labels.
    static func spaced(_ ticks: [(value: Double, label: String)], rows: Int) -> [(value: Double, label: String)] {
        guard ticks.count > 1 else { return ticks }
        let spacing = Double(rows - 1) / Double(ticks.count - 1)
        let k = max(1, Int((2 / spacing).rounded(.up)))
        return ticks.enumerated().filter { $0.offset % k == 0 }.map(\.element)
    }

    /// The x axis line with a `┬` under each tick, and the tick labels centred below them (overlapping ones left out).
    private func xAxis(_ ticks: [(value: Double, label: String)], area: Area, margin: Int) -> [String] {
        var axis = Array(repeating: Character("─"), count: area.columns)
        var labels = Array(repeating: Character(" "), count: width)
        var free = 0
        for tick in ticks {
            let column = area.column(of: tick.value)
            guard column >= 0, column < area.columns else { continue }
            axis[column] = "┬"
            let start = max(0, margin + 1 + column - tick.label.count / 2)
            guard start >= free, start + tick.label.count <= labels.count else { continue }
            for (i, c) in tick.label.enumerated() { labels[start + i] = c }
            free = start + tick.label.count + 1
        }
        return [String(repeating: " ", count: margin) + "└" + String(axis), String(labels)]
    }

    /// The legend: each series' glyph and name, a band's shade explained, wrapped to the width.
    private func legend(_ plot: Plot) -> [String] {
        var entries = plot.series.indices.map { i in
            // a line without markers is shown by a piece of line instead of a glyph it does not carry
            "\(plot.markerStride(i) == nil ? "⠒" : PlotMarker(i).glyph) \(plot.series[i].name)"
        }
        if plot.series.contains(where: { !$0.band.isEmpty }) { entries.append("\(Self.shade) spread (min–max)") }
        var lines: [String] = []
        for entry in entries {
            if let last = lines.last, last.count + 3 + entry.count <= width {
                lines[lines.count - 1] = last + "   " + entry
            } else {
                lines.append(entry)
            }
        }
        return lines
    }

    // MARK: - Horizontal bars

    /// A bar chart as one line per category: label, bar in eighths of a cell, value with its unit.
    private func horizontalBars(_ plot: Plot) -> [String] {
        let labels = plot.bars.map { $0.label.count > 24 ? String($0.label.prefix(23)) + "…" : $0.label }
        let labelWidth = labels.map(\.count).max() ?? 0
        let values = plot.bars.map { plot.y.valueLabel($0.value) }
        let valueWidth = values.map(\.count).max() ?? 0
        let barColumns = max(5, width - labelWidth - valueWidth - 3)
        var lines = [String(repeating: " ", count: labelWidth + 2) + plot.y.label]
        let scale = plot.y.scale
        for (i, bar) in plot.bars.enumerated() {
            let eighths = Int((max(0, min(1, scale.fraction(bar.value))) * Double(barColumns * 8)).rounded())
            var body = String(repeating: "█", count: eighths / 8)
            if eighths % 8 > 0 { body.append(Self.horizontalEighths[eighths % 8]) }
            lines.append(labels[i].padding(toLength: labelWidth, withPad: " ", startingAt: 0) + " │" + body + " " + values[i])
        }
        lines.append(String(repeating: " ", count: labelWidth + 1) + "└" + String(repeating: "─", count: barColumns)
                     + " \(plot.y.scale.lower == 0 ? "from 0" : "from " + plot.y.valueLabel(plot.y.scale.lower))")
        return lines
    }
}

extension PlotTextRenderer {
    /// The plot area's cells and the mapping from data to cells and braille pixels.
    struct Area {
        let columns: Int
        let rows: Int
        let x: NiceScale
        let y: NiceScale
        var cells: [[Character]]

        init(columns: Int, rows: Int, x: NiceScale, y: NiceScale) {
            self.columns = columns
            self.rows = rows
            self.x = x
            self.y = y
            cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
        }

        /// The cell column of an x value.
        func column(of value: Double) -> Int { Int((x.fraction(value) * Double(columns - 1)).rounded()) }
        /// The cell row of a y value (0 at the top).
        func row(of value: Double) -> Int { Int(((1 - y.fraction(value)) * Double(rows - 1)).rounded()) }
        /// The braille pixel of a point.
        func pixel(_ p: PlotPoint) -> (x: Int, y: Int) {
            (Int((x.fraction(p.x) * Double(columns * 2 - 1)).rounded()), Int(((1 - y.fraction(p.y)) * Double(rows * 4 - 1)).rounded()))
        }
        /// The x value at the middle of a cell column.
        func value(atColumn c: Int) -> Double { x.lower + (Double(c) + 0.5) / Double(columns) * (x.upper - x.lower) }

        /// Histogram bars: block characters rising from the bottom, in eighths of a cell.
        mutating func drawBars(_ bars: [PlotBar]) {
            for c in 0..<columns {
                let v = value(atColumn: c)
                guard let bar = bars.first(where: { v >= $0.start && v < $0.end }) else { continue }
                let eighths = Int((max(0, min(1, y.fraction(bar.value))) * Double(rows * 8)).rounded())
                for r in 0..<rows {
                    let fromBottom = rows - 1 - r
                    let filled = min(8, max(0, eighths - fromBottom * 8))
                    if filled > 0 { cells[r][c] = PlotTextRenderer.verticalEighths[filled] }
                }
            }
        }

        /// A band: the cells between its low and high (linearly interpolated per column) shaded.
        mutating func drawBand(_ band: [PlotBandPoint]) {
            let sorted = band.sorted { $0.x < $1.x }
            guard let first = sorted.first, let last = sorted.last else { return }
            for c in 0..<columns {
                let v = value(atColumn: c)
                guard v >= first.x, v <= last.x, let i = sorted.lastIndex(where: { $0.x <= v }) else { continue }
                let a = sorted[i], b = sorted[min(i + 1, sorted.count - 1)]
                let t = b.x > a.x ? (v - a.x) / (b.x - a.x) : 0
                let low = a.low + (b.low - a.low) * t, high = a.high + (b.high - a.high) * t
                for r in row(of: high)...max(row(of: high), row(of: low)) where r >= 0 && r < rows && cells[r][c] == " " {
                    cells[r][c] = PlotTextRenderer.shade
                }
            }
        }

        /// Joins the points with braille lines.
        func drawLine(_ points: [PlotPoint], on canvas: inout BrailleCanvas) {
            for (a, b) in zip(points, points.dropFirst()) { canvas.line(from: pixel(a), to: pixel(b)) }
            if points.count == 1 { let p = pixel(points[0]); canvas.set(p.x, p.y) }
        }

        /// Puts the canvas's braille over the cells (over bars and shade).
        mutating func overlay(_ canvas: BrailleCanvas) {
            for r in 0..<rows {
                for c in 0..<columns { if let ch = canvas.character(column: c, row: r) { cells[r][c] = ch } }
            }
        }

        /// Puts a series' glyph on these points.
        mutating func drawMarkers(_ points: [PlotPoint], glyph: Character) {
            for p in points {
                let r = row(of: p.y), c = column(of: p.x)
                if r >= 0, r < rows, c >= 0, c < columns { cells[r][c] = glyph }
            }
        }
    }
}
