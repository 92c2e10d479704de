/// One bar: a histogram bin (from `start` to `end` on a numeric axis) or a category (centred on its index).
public struct PlotBar: Sendable, Hashable {
    /// The category, or the bin's range as text.
    public var label: String
    /// Where the bar starts on the x axis.
    public var start: Double
    /// Where the bar ends on the x axis.
    public var end: Double
    /// Its height.
    public var value: Double

    /// A bar from `start` to `end` of height `value`.
    public init(label: String, start: Double, end: Double, value: Double) {
        self.label = label
        self.start = start
        self.end = end
        self.value = value
    }
}
