import Foundation

/// One axis of a plot: its label, the unit its numbers read in, its nice range and ticks, or its categories.
public struct PlotAxis: Sendable, Hashable {
    /// The quantity's name, such as `latency`.
    public var name: String
    /// The unit tick labels read in.
    public var unit: AxisUnit
    /// The range and ticks, in base units.
    public var scale: NiceScale
    /// For a bar chart's category axis: the categories at 0, 1, 2, …; empty for a numeric axis.
    public var categories: [String]

    /// A numeric axis covering `minimum…maximum` (base units) of values of this kind.
    public init(name: String, minimum: Double, maximum: Double, dimension: Dimension = .scalar,
                hint: DisplayHint = .plain, targetTicks: Int = 5) {
        self.name = name
        scale = NiceScale(minimum: minimum, maximum: maximum, targetTicks: targetTicks)
        unit = AxisUnit.fitting(dimension, hint, largest: max(abs(scale.lower), abs(scale.upper)))
        categories = []
    }

    /// A category axis: one slot per category, at 0, 1, 2, ….
    public init(name: String, categories: [String]) {
        self.name = name
        unit = .plain
        scale = NiceScale(minimum: -0.5, maximum: Double(categories.count) - 0.5)
        scale.lower = -0.5
        scale.upper = Double(categories.count) - 0.5
        self.categories = categories
    }

    /// The label with its unit, as the axis shows it: `latency (ms)`.
    public var label: String { unit.label(name) }

    /// A tick's text in the axis's unit, with as many decimals as the step needs.
    public func tickLabel(_ value: Double) -> String {
        let scaled = value / unit.divisor
        let stepDigits = max(0, -Int((log10(scale.step / unit.divisor)).rounded(.down)))
        let factor = pow(10, Double(stepDigits))
        return Quantity.formatNumber((scaled * factor).rounded() / factor, maxFraction: stepDigits)
    }

    /// The ticks, each with its label.
    public var labelledTicks: [(value: Double, label: String)] {
        if !categories.isEmpty { return categories.enumerated().map { (Double($0.offset), $0.element) } }
        return scale.ticks.map { ($0, tickLabel($0)) }
    }
}

extension PlotAxis {
    /// A value in the axis's unit with its symbol, for labels on bars: `91.2%`, `12ms`, `3.5M`.
    public func valueLabel(_ value: Double) -> String {
        Quantity.formatNumber(value / unit.divisor, maxFraction: 3) + unit.symbol
    }
}
