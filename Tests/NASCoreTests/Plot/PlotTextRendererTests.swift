import Testing
@testable import NASCore

@Suite struct PlotTextRendererTests {
    private func unitAxes(_ series: [PlotSeries], kind: PlotKind = .line, bars: [PlotBar] = []) -> Plot {
        Plot(kind: kind, title: "", x: PlotAxis(name: "x", minimum: 0, maximum: 1), y: PlotAxis(name: "y", minimum: 0, maximum: 1),
             series: series, bars: bars)
    }

    @Test("a flat line at the top of 0–1 axes, drawn by hand")
    func flatLine() {
        let plot = unitAxes([PlotSeries(name: "a", points: [PlotPoint(0, 1), PlotPoint(1, 1)], joined: true, marked: false)])
        let text = PlotTextRenderer(width: 30, height: 6).render(plot)
        // margin 3 ("0.2"), 1 column right pad, 30 − 3 − 1 − 1 = 25 columns; six ticks on six rows: every second labelled
        // (0, 0.4, 0.8 on rows 5, 3, 1); y = 1 is pixel row 0, dots 1 and 4 (⠉) in every column.
        // x ticks at columns round(f · 24) = 0, 5, 10, 14, 19, 24; labels centred there, starting at 4 + column − len/2.
        let expected = [
            "y",
            "   │" + String(repeating: "⠉", count: 25),
            "0.8┤",
            "   │",
            "0.4┤",
            "   │",
            "  0┤",
            "   └┬────┬────┬───┬────┬────┬",
            "    0   0.2  0.4 0.6  0.8   1",
            "                x",
        ]
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) == expected)
    }

    @Test("two scatter series get their own glyphs and a legend")
    func scatterMarkers() {
        let plot = unitAxes([PlotSeries(name: "a", points: [PlotPoint(0, 0)], joined: false, marked: true),
                             PlotSeries(name: "b", points: [PlotPoint(1, 1)], joined: false, marked: true)], kind: .scatter)
        let lines = PlotTextRenderer(width: 30, height: 6).render(plot).split(separator: "\n").map(String.init)
        // (1, 1) is the top-right cell (row 0, column 24); (0, 0) the bottom-left (row 5, column 0)
        #expect(lines[1] == "   │" + String(repeating: " ", count: 24) + "+")
        #expect(lines[6] == "  0┤•")
        #expect(lines.last == "• a   + b")
    }

    @Test("a histogram bar of half the axis height fills half the rows with full blocks")
    func histogramBlocks() {
        let plot = unitAxes([], kind: .histogram, bars: [PlotBar(label: "0–0.5", start: 0, end: 0.5, value: 0.5)])
        let lines = PlotTextRenderer(width: 30, height: 6).render(plot).split(separator: "\n").map(String.init)
        // 0.5 of 6 rows is 24 eighths: the bottom three rows are full; the bar covers columns whose middle is below x = 0.5:
        // (c + 0.5) / 25 < 0.5 → c < 12, so 12 columns
        for row in 4...6 { #expect(lines[row].hasSuffix("┤" + String(repeating: "█", count: 12)) || lines[row].hasSuffix("│" + String(repeating: "█", count: 12))) }
        #expect(lines[3] == "   │")
    }

    @Test("a bar chart is one line per category with bars in eighths and the value with its unit")
    func horizontalBars() {
        let y = PlotAxis(name: "share", minimum: 0, maximum: 1, hint: .percent)
        let plot = Plot(kind: .bar, title: "t", x: PlotAxis(name: "op", categories: ["conv", "skip"]), y: y,
                        bars: [PlotBar(label: "conv", start: -0.4, end: 0.4, value: 1), PlotBar(label: "skip", start: 0.6, end: 1.4, value: 0.25)])
        let lines = PlotTextRenderer(width: 40).render(plot).split(separator: "\n").map(String.init)
        // label width 4, value width 4 ("100%"), 40 − 4 − 4 − 3 = 29 bar columns; 25% of 29 · 8 = 58 eighths = 7 full blocks and ▎ (2 eighths)
        #expect(lines[0] == "t")
        #expect(lines[1] == "      share (%)")
        #expect(lines[2] == "conv │" + String(repeating: "█", count: 29) + " 100%")
        #expect(lines[3] == "skip │" + String(repeating: "█", count: 7) + "▎ 25%")
    }

    @Test("a band shades the cells between its low and high, and the legend says so")
    func bandShade() {
        let band = [PlotBandPoint(x: 0, low: 0, high: 1), PlotBandPoint(x: 1, low: 0, high: 1)]
        let plot = unitAxes([PlotSeries(name: "mean", points: [], joined: true, marked: false, band: band)])
        let lines = PlotTextRenderer(width: 30, height: 6).render(plot).split(separator: "\n").map(String.init)
        #expect(lines[1] == "   │" + String(repeating: "░", count: 25))
        #expect(lines.last == "⠒ mean   ░ spread (min–max)")   // a lone unmarked line: a piece of line in the legend
    }
}
