/// A plot: its kind, title, axes and what it draws, in base units; rendered by `PlotTextRenderer`
/// (Unicode braille and block characters for a terminal) and `PlotSVGRenderer` (an SVG file).
///
/// It is a plain value with no dependencies, so the language's builtins and a notebook can both draw it.
public struct Plot: Sendable, Hashable {
    /// What it draws.
    public var kind: PlotKind
    /// The title, shown above the plot.
    public var title: String
    /// The horizontal axis.
    public var x: PlotAxis
    /// The vertical axis.
    public var y: PlotAxis
    /// The series (lines, points, fronts), in legend order.
    public var series: [PlotSeries]
    /// The bars of a histogram or bar chart.
    public var bars: [PlotBar]

    /// A plot of these series and bars on these axes.
    public init(kind: PlotKind, title: String, x: PlotAxis, y: PlotAxis, series: [PlotSeries] = [], bars: [PlotBar] = []) {
        self.kind = kind
        self.title = title
        self.x = x
        self.y = y
        self.series = series
        self.bars = bars
    }

    /// Whether the plot needs a legend: more than one series, or a band to explain.
    public var hasLegend: Bool { series.count > 1 || series.contains { !$0.band.isEmpty } }

    /// Which of series `index`'s points carry its marker: every `stride`-th (and the last), or none (nil).
    /// Points and marked series mark every point; with several series an unmarked line is marked at
    /// about eight points so the series stay apart without colour; a lone line carries none.
    public func markerStride(_ index: Int) -> Int? {
        let s = series[index]
        if s.marked || !s.joined { return 1 }
        return series.count > 1 ? max(1, (s.points.count + 7) / 8) : nil
    }

    /// The indexes of series `index`'s points that carry its marker.
    public func markedPoints(_ index: Int) -> [Int] {
        guard let stride = markerStride(index) else { return [] }
        let count = series[index].points.count
        return (0..<count).filter { $0 % stride == 0 || $0 == count - 1 }
    }
}
