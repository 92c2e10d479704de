/// One vertical slice of a band: the spread (lowest to highest) of a series at `x`.
public struct PlotBandPoint: Sendable, Hashable {
    /// The horizontal value.
    public var x: Double
    /// The lowest value at `x`.
    public var low: Double
    /// The highest value at `x`.
    public var high: Double

    /// A band slice at `x` from `low` to `high`.
    public init(x: Double, low: Double, high: Double) {
        self.x = x
        self.low = low
        self.high = high
    }
}
