import NASCore

/// A plot as a language value: it prints as a drawing fitted to the output's width, `save(p, "x.svg")`
/// writes it as SVG, and its fields describe it (kind, title, axes, ticks, series).
public struct PlotValue: DomainValue {
    /// The plot.
    public let plot: Plot

    /// A plot value.
    public init(_ plot: Plot) { self.plot = plot }

    /// "plot".
    public var typeName: String { "plot" }

    /// `line plot: best against trial (2 series)`.
    public var summary: String {
        let parts = plot.kind == .histogram || plot.kind == .bar ? "\(plot.bars.count) bars" : "\(plot.series.count) series"
        return "\(plot.kind.rawValue) plot: \(plot.title) (\(parts))"
    }

    /// The drawing in Unicode braille and block characters, `width` columns wide.
    public func render(width: Int) -> String { PlotTextRenderer(width: width).render(plot) }

    /// Whether the other value is a plot of the same data, axes and title.
    public func isEqual(to other: any DomainValue) -> Bool { (other as? PlotValue)?.plot == plot }

    /// The SVG document.
    public var svg: String { PlotSVGRenderer().render(plot) }

    /// kind, title, x and y (the axis labels with units), xticks and yticks (the tick labels), series (their names),
    /// points (a table of every series' points: series, x, y in base units), bars (label, start, end, value), svg.
    public func member(_ name: String) throws -> Value? {
        switch name {
        case "kind": return .string(plot.kind.rawValue)
        case "title": return .string(plot.title)
        case "x": return .string(plot.x.label)
        case "y": return .string(plot.y.label)
        case "xticks": return .list(plot.x.labelledTicks.map { .string($0.label) })
        case "yticks": return .list(plot.y.labelledTicks.map { .string($0.label) })
        case "series": return .list(plot.series.map { .string($0.name) })
        case "points": return .table(TableValue(pointsTable))
        case "bars": return .table(TableValue(barsTable))
        case "svg": return .string(svg)
        default: return nil
        }
    }

    /// The field names.
    public var memberNames: [String] { ["kind", "title", "x", "y", "xticks", "yticks", "series", "points", "bars", "svg"] }

    /// Every series' points as rows: series, x, y (plain numbers in base units).
    var pointsTable: Table {
        Table(columns: ["series", "x", "y"], rows: plot.series.flatMap { series in
            series.points.map { [.string(series.name), .number(Quantity($0.x)), .number(Quantity($0.y))] }
        })
    }

    /// The bars as rows: label, start, end, value (plain numbers in base units).
    var barsTable: Table {
        Table(columns: ["label", "start", "end", "value"], rows: plot.bars.map {
            [.string($0.label), .number(Quantity($0.start)), .number(Quantity($0.end)), .number(Quantity($0.value))]
        })
    }
}
