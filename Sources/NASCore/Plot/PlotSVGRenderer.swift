import Foundation

/// Writes a `Plot` as a standalone SVG document: title, axes with nice ticks and unit labels,
/// series as paths and marker shapes, bands, bars and a legend.
///
/// The plot area spans x from `left` to `width − right` and y from `top` to `height − bottom`;
/// a data point (x, y) lands at `left + fx · areaWidth`, `height − bottom − fy · areaHeight`, where
/// fx and fy are the point's fractions of the axes' nice ranges.
public struct PlotSVGRenderer: Sendable {
    /// The document's width in pixels.
    public var width: Double
    /// The document's height in pixels.
    public var height: Double
    /// The margin left of the plot area (y tick labels and axis label).
    public let left: Double = 72
    /// The margin right of the plot area.
    public let right: Double = 24
    /// The margin above the plot area (the title).
    public let top: Double = 40
    /// The margin below the plot area (x tick labels and axis label).
    public let bottom: Double = 56

    /// A renderer for documents of `width` × `height` pixels.
    public init(width: Double = 640, height: Double = 400) {
        self.width = width
        self.height = height
    }

    /// The horizontal pixel of an x value.
    public func pixelX(_ value: Double, _ axis: PlotAxis) -> Double { left + axis.scale.fraction(value) * (width - left - right) }
    /// The vertical pixel of a y value.
    public func pixelY(_ value: Double, _ axis: PlotAxis) -> Double { height - bottom - axis.scale.fraction(value) * (height - top - bottom) }

    /// The SVG document.
    public func render(_ plot: Plot) -> String {
        var body: [String] = []
        body.append("<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"white\"/>")
        body += grid(plot)
        body += bars(plot)
        for (i, series) in plot.series.enumerated() where !series.band.isEmpty { body.append(band(series.band, plot, PlotMarker(i))) }
        for i in plot.series.indices { body += draw(i, plot) }
        body += axes(plot)
        if plot.hasLegend { body += legend(plot) }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height))" viewBox="0 0 \(n(width)) \(n(height))" font-family="sans-serif" font-size="12">
        \(body.map { "  " + $0 }.joined(separator: "\n"))
        </svg>

        """
    }

    // MARK: - Parts

    private func grid(_ plot: Plot) -> [String] {
        let x0 = left, x1 = width - right, y0 = top, y1 = height - bottom
        var parts = plot.y.labelledTicks.map { tick -> String in
            let y = pixelY(tick.value, plot.y)
            return "<line class=\"grid\" x1=\"\(n(x0))\" y1=\"\(n(y))\" x2=\"\(n(x1))\" y2=\"\(n(y))\" stroke=\"#e5e5e5\"/>"
        }
        if plot.x.categories.isEmpty {
            parts += plot.x.labelledTicks.map { tick in
                let x = pixelX(tick.value, plot.x)
                return "<line class=\"grid\" x1=\"\(n(x))\" y1=\"\(n(y0))\" x2=\"\(n(x))\" y2=\"\(n(y1))\" stroke=\"#e5e5e5\"/>"
            }
        }
        return parts
    }

    private func axes(_ plot: Plot) -> [String] {
        let x0 = left, x1 = width - right, y0 = top, y1 = height - bottom
        var parts = ["<line class=\"axis\" x1=\"\(n(x0))\" y1=\"\(n(y1))\" x2=\"\(n(x1))\" y2=\"\(n(y1))\" stroke=\"black\"/>",
                     "<line class=\"axis\" x1=\"\(n(x0))\" y1=\"\(n(y0))\" x2=\"\(n(x0))\" y2=\"\(n(y1))\" stroke=\"black\"/>"]
        for tick in plot.x.labelledTicks {
            let x = pixelX(tick.value, plot.x)
            parts.append("<line class=\"tick\" x1=\"\(n(x))\" y1=\"\(n(y1))\" x2=\"\(n(x))\" y2=\"\(n(y1 + 5))\" stroke=\"black\"/>")
            parts.append("<text class=\"xtick\" x=\"\(n(x))\" y=\"\(n(y1 + 18))\" text-anchor=\"middle\">\(escape(tick.label))</text>")
        }
        for tick in plot.y.labelledTicks {
            let y = pixelY(tick.value, plot.y)
            parts.append("<line class=\"tick\" x1=\"\(n(x0 - 5))\" y1=\"\(n(y))\" x2=\"\(n(x0))\" y2=\"\(n(y))\" stroke=\"black\"/>")
            parts.append("<text class=\"ytick\" x=\"\(n(x0 - 8))\" y=\"\(n(y + 4))\" text-anchor=\"end\">\(escape(tick.label))</text>")
        }
        parts.append("<text class=\"xlabel\" x=\"\(n((x0 + x1) / 2))\" y=\"\(n(height - 12))\" text-anchor=\"middle\">\(escape(plot.x.label))</text>")
        let cy = (y0 + y1) / 2
        parts.append("<text class=\"ylabel\" x=\"16\" y=\"\(n(cy))\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(n(cy)))\">\(escape(plot.y.label))</text>")
        if !plot.title.isEmpty {
            parts.append("<text class=\"title\" x=\"\(n(width / 2))\" y=\"24\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">\(escape(plot.title))</text>")
        }
        return parts
    }

    private func bars(_ plot: Plot) -> [String] {
        let base = pixelY(max(plot.y.scale.lower, min(plot.y.scale.upper, 0)), plot.y)
        return plot.bars.map { bar in
            let xa = pixelX(bar.start, plot.x), xb = pixelX(bar.end, plot.x), y = pixelY(bar.value, plot.y)
            return "<rect class=\"bar\" x=\"\(n(xa))\" y=\"\(n(min(y, base)))\" width=\"\(n(xb - xa))\" height=\"\(n(abs(base - y)))\" fill=\"\(PlotMarker(0).colour)\" stroke=\"white\"><title>\(escape(bar.label)): \(escape(plot.y.valueLabel(bar.value)))</title></rect>"
        }
    }

    private func band(_ band: [PlotBandPoint], _ plot: Plot, _ marker: PlotMarker) -> String {
        let sorted = band.sorted { $0.x < $1.x }
        let upper = sorted.map { "\(n(pixelX($0.x, plot.x))) \(n(pixelY($0.high, plot.y)))" }
        let lower = sorted.reversed().map { "\(n(pixelX($0.x, plot.x))) \(n(pixelY($0.low, plot.y)))" }
        return "<path class=\"band\" d=\"M \((upper + lower).joined(separator: " L ")) Z\" fill=\"\(marker.colour)\" fill-opacity=\"0.2\" stroke=\"none\"/>"
    }

    private func draw(_ index: Int, _ plot: Plot) -> [String] {
        let series = plot.series[index], marker = PlotMarker(index)
        var parts: [String] = []
        let pixels = series.points.map { (pixelX($0.x, plot.x), pixelY($0.y, plot.y)) }
        if series.joined, !pixels.isEmpty {
            let d = "M " + pixels.map { "\(n($0.0)) \(n($0.1))" }.joined(separator: " L ")
            parts.append("<path class=\"series\" d=\"\(d)\" fill=\"none\" stroke=\"\(marker.colour)\" stroke-width=\"2\"/>")
        }
        parts += plot.markedPoints(index).map { shape(marker, at: pixels[$0].0, pixels[$0].1, size: 4) }
        return parts
    }

    /// A marker shape centred at (x, y).
    func shape(_ marker: PlotMarker, at x: Double, _ y: Double, size r: Double) -> String {
        let style = "fill=\"\(marker.colour)\" fill-opacity=\"0.8\" stroke=\"\(marker.colour)\""
        switch marker.shape {
        case .circle: return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" \(style)/>"
        case .square: return "<rect x=\"\(n(x - r))\" y=\"\(n(y - r))\" width=\"\(n(2 * r))\" height=\"\(n(2 * r))\" \(style)/>"
        case .triangle: return "<path d=\"M \(n(x)) \(n(y - r)) L \(n(x + r)) \(n(y + r)) L \(n(x - r)) \(n(y + r)) Z\" \(style)/>"
        case .diamond: return "<path d=\"M \(n(x)) \(n(y - r)) L \(n(x + r)) \(n(y)) L \(n(x)) \(n(y + r)) L \(n(x - r)) \(n(y)) Z\" \(style)/>"
        }
    }

    /// The legend box: per series its line (when joined), its marker (when marked, or when the only sign of it) and name;
    /// a band's swatch last. It sits in the corner of the plot area where it covers the fewest data points.
    private func legend(_ plot: Plot) -> [String] {
        let hasBand = plot.series.contains { !$0.band.isEmpty }
        let rows = plot.series.count + (hasBand ? 1 : 0)
        let box = legendBox(plot, height: Double(rows) * 18 + 8)
        let x = box.x + 8, top = box.y - 4
        var parts = ["<rect class=\"legend\" x=\"\(n(box.x))\" y=\"\(n(box.y))\" width=\"164\" height=\"\(n(box.height))\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#999\"/>"]
        for (i, series) in plot.series.enumerated() {
            let marker = PlotMarker(i), y = top + 18 + Double(i) * 18
            if series.joined {
                parts.append("<line x1=\"\(n(x))\" y1=\"\(n(y - 4))\" x2=\"\(n(x + 20))\" y2=\"\(n(y - 4))\" stroke=\"\(marker.colour)\" stroke-width=\"2\"/>")
            }
            if plot.markerStride(i) != nil {
                parts.append(shape(marker, at: x + 10, y - 4, size: 3.5).replacingOccurrences(of: "<circle ", with: "<circle class=\"legend-marker\" "))
            }
            parts.append("<text x=\"\(n(x + 28))\" y=\"\(n(y))\">\(escape(series.name))</text>")
        }
        if hasBand {
            let y = top + 18 + Double(plot.series.count) * 18
            let colour = PlotMarker(plot.series.firstIndex { !$0.band.isEmpty } ?? 0).colour
            parts.append("<rect x=\"\(n(x))\" y=\"\(n(y - 10))\" width=\"20\" height=\"12\" fill=\"\(colour)\" fill-opacity=\"0.2\"/>")
            parts.append("<text x=\"\(n(x + 28))\" y=\"\(n(y))\">spread (min–max)</text>")
        }
        return parts
    }

    /// The legend's rectangle (164 pixels wide): of the plot area's four corners, the one whose
    /// rectangle holds the fewest data points and band edges, the top right on a tie.
    func legendBox(_ plot: Plot, height: Double) -> (x: Double, y: Double, height: Double) {
        let width = 164.0
        let corners = [(width: self.width - right - width - 4, top + 4), (left + 4, top + 4),
                       (self.width - right - width - 4, self.height - bottom - height - 4), (left + 4, self.height - bottom - height - 4)]
        var pixels: [(Double, Double)] = []
        for series in plot.series {
            pixels += series.points.map { (pixelX($0.x, plot.x), pixelY($0.y, plot.y)) }
            pixels += series.band.flatMap { [(pixelX($0.x, plot.x), pixelY($0.low, plot.y)), (pixelX($0.x, plot.x), pixelY($0.high, plot.y))] }
        }
        let covered = corners.map { corner in
            pixels.filter { $0.0 >= corner.0 && $0.0 <= corner.0 + width && $0.1 >= corner.1 && $0.1 <= corner.1 + height }.count
        }
        let best = covered.indices.min { covered[$0] < covered[$1] } ?? 0
        return (corners[best].0, corners[best].1, height)
    }

    // MARK: - Text

    /// A coordinate with at most two decimals.
    private func n(_ v: Double) -> String { Quantity.formatNumber((v * 100).rounded() / 100, maxFraction: 2) }

    /// Text with XML's special characters escaped.
    private func escape(_ s: String) -> String { s.xmlEscaped }
}
