import Testing
@testable import NASCore

@Suite struct PlotTests {
    private func line(_ name: String, _ n: Int) -> PlotSeries {
        PlotSeries(name: name, points: (0..<n).map { PlotPoint(Double($0), 0) }, joined: true, marked: false)
    }
    private let axis = PlotAxis(name: "x", minimum: 0, maximum: 1)

    @Test("with several lines each carries its marker at about eight points, the last included")
    func sparseMarkers() {
        let plot = Plot(kind: .line, title: "", x: axis, y: axis, series: [line("a", 16), line("b", 5)])
        // 16 points: stride (16 + 7) / 8 = 2 → 0, 2, …, 14 and the last, 15; 5 points: stride 1
        #expect(plot.markedPoints(0) == [0, 2, 4, 6, 8, 10, 12, 14, 15])
        #expect(plot.markedPoints(1) == [0, 1, 2, 3, 4])
    }

    @Test("a lone line carries no markers; points always do")
    func loneLine() {
        #expect(Plot(kind: .line, title: "", x: axis, y: axis, series: [line("a", 4)]).markerStride(0) == nil)
        let points = PlotSeries(name: "p", points: [PlotPoint(0, 0)], joined: false, marked: false)
        #expect(Plot(kind: .scatter, title: "", x: axis, y: axis, series: [points]).markedPoints(0) == [0])
    }
}
