/// One named set of points on a plot, drawn as a line, as markers or both, with an optional band.
public struct PlotSeries: Sendable, Hashable {
    /// The name in the legend.
    public var name: String
    /// The points, in the order they are joined.
    public var points: [PlotPoint]
    /// Whether the points are joined by a line.
    public var joined: Bool
    /// Whether each point gets the series' marker.
    public var marked: Bool
    /// The spread around the line (empty for none).
    public var band: [PlotBandPoint]

    /// A series with these points.
    public init(name: String, points: [PlotPoint], joined: Bool, marked: Bool, band: [PlotBandPoint] = []) {
        self.name = name
        self.points = points
        self.joined = joined
        self.marked = marked
        self.band = band
    }
}
