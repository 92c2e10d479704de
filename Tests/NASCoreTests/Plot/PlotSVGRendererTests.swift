import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import NASCore

@Suite struct PlotSVGRendererTests {
    /// The elements of an SVG document, parsed with Foundation's XMLParser (which fails on malformed XML).
    final class Elements: NSObject, XMLParserDelegate {
        var items: [(name: String, attributes: [String: String])] = []
        var text: [String] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            items.append((name, attributes))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text.append(string) }
    }

    private func parse(_ svg: String) throws -> Elements {
        let elements = Elements()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = elements
        #expect(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        return elements
    }

    private func scatter(_ points: [PlotPoint], front: [PlotPoint] = [], title: String = "a & b < c") -> Plot {
        var series = [PlotSeries(name: "trials", points: points, joined: false, marked: true)]
        if !front.isEmpty { series.append(PlotSeries(name: "front", points: front, joined: true, marked: true)) }
        return Plot(kind: .scatter, title: title, x: PlotAxis(name: "x", minimum: 3, maximum: 97),
                    y: PlotAxis(name: "y", minimum: 0, maximum: 1), series: series)
    }

    @Test("the SVG is well-formed XML with the title's special characters escaped")
    func wellFormed() throws {
        let svg = PlotSVGRenderer().render(scatter([PlotPoint(50, 0.5)]))
        let elements = try parse(svg)
        #expect(elements.items.first?.name == "svg")
        #expect(elements.text.joined().contains("a & b < c"))
    }

    @Test("points land where the axis mapping puts them")
    func pointPositions() throws {
        // area: x 72…616 (544 px) for 0…100, y 344…40 (304 px) for 0…1
        // (25, 0.25): 72 + 0.25 · 544 = 208, 344 − 0.25 · 304 = 268; (97, 1): 72 + 0.97 · 544 = 599.68, 40
        let svg = PlotSVGRenderer().render(scatter([PlotPoint(25, 0.25), PlotPoint(97, 1)]))
        let circles = try parse(svg).items.filter { $0.name == "circle" && $0.attributes["class"] == nil }
        #expect(circles.map { $0.attributes["cx"] } == ["208", "599.68"])
        #expect(circles.map { $0.attributes["cy"] } == ["268", "40"])
    }

    @Test("a line's path runs through its points' pixels")
    func linePath() throws {
        let svg = PlotSVGRenderer().render(scatter([PlotPoint(3, 0)], front: [PlotPoint(0, 0.5), PlotPoint(100, 1)]))
        let paths = try parse(svg).items.filter { $0.name == "path" && $0.attributes["class"] == "series" }
        // (0, 0.5) → 72, 344 − 152 = 192; (100, 1) → 616, 40
        #expect(paths.map { $0.attributes["d"] } == ["M 72 192 L 616 40"])
    }

    @Test("ticks are labelled with nice numbers and axis labels carry units")
    func ticksAndLabels() throws {
        let plot = Plot(kind: .line, title: "", x: PlotAxis(name: "time", minimum: 0, maximum: 0.02, dimension: .time),
                        y: PlotAxis(name: "accuracy", minimum: 0.912, maximum: 0.947, hint: .percent),
                        series: [PlotSeries(name: "s", points: [PlotPoint(0, 0.92)], joined: true, marked: false)])
        let elements = try parse(PlotSVGRenderer().render(plot))
        let texts = zip(elements.items.filter { $0.name == "text" }, elements.text.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty })
        let byClass = Dictionary(grouping: texts, by: { $0.0.attributes["class"] ?? "" }).mapValues { $0.map(\.1) }
        #expect(byClass["xtick"] == ["0", "5", "10", "15", "20"])
        #expect(byClass["ytick"] == ["91", "92", "93", "94", "95"])
        #expect(byClass["xlabel"] == ["time (ms)"])
        #expect(byClass["ylabel"] == ["accuracy (%)"])
        // the 93% tick sits at 344 − 0.5 · 304 = 192
        let tick93 = elements.items.first { $0.name == "text" && $0.attributes["class"] == "ytick" && $0.attributes["y"] == "196" }
        #expect(tick93 != nil)
    }

    @Test("several series get a legend with one entry each")
    func legend() throws {
        let svg = PlotSVGRenderer().render(scatter([PlotPoint(10, 0.1)], front: [PlotPoint(10, 0.1)]))
        let elements = try parse(svg)
        #expect(elements.items.contains { $0.name == "rect" && $0.attributes["class"] == "legend" })
        #expect(elements.text.contains("trials") && elements.text.contains("front"))
    }

    @Test("the legend takes the corner of the plot area with the fewest points: not the top right under a rising curve")
    func legendAvoidsTheData() throws {
        // Two curves from the bottom left to the top right: the top-right corner is covered, the
        // top-left corner (x 76–240, y 44–88 for two rows) holds no point.
        let rising = (0...20).map { PlotPoint(Double($0), Double($0)) }
        let plot = Plot(kind: .line, title: "", x: PlotAxis(name: "x", minimum: 0, maximum: 20), y: PlotAxis(name: "y", minimum: 0, maximum: 20),
                        series: [PlotSeries(name: "a", points: rising, joined: true, marked: false),
                                 PlotSeries(name: "b", points: rising.map { PlotPoint($0.x, $0.y * 0.9) }, joined: true, marked: false)])
        let renderer = PlotSVGRenderer()
        let box = renderer.legendBox(plot, height: 44)
        #expect(box.x == renderer.left + 4 && box.y == renderer.top + 4)
        let legend = try #require(try parse(renderer.render(plot)).items.first { $0.attributes["class"] == "legend" })
        #expect(legend.attributes["x"] == "76" && legend.attributes["y"] == "44")
        // Flat curves along the bottom leave the top right free: the legend stays there.
        let flat = Plot(kind: .line, title: "", x: plot.x, y: plot.y,
                        series: plot.series.map { PlotSeries(name: $0.name, points: rising.map { PlotPoint($0.x, 1) }, joined: true, marked: false) })
        #expect(renderer.legendBox(flat, height: 44).x == 640 - 24 - 164 - 4)
    }
}
