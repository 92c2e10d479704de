/// A data point of a series, in base units (seconds, bytes, fractions).
public struct PlotPoint: Sendable, Hashable {
    /// The horizontal value.
    public var x: Double
    /// The vertical value.
    public var y: Double

    /// A point at (x, y).
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}
