/// The unit an axis shows its numbers in: a scale factor and a suffix chosen from the data's `Quantity` kind.
///
/// Times read in s, ms, us or ns; memory in B, KB, MB or GB; percentages in %; counts in k, M or G;
/// plain numbers as they are. The unit goes into the axis label (`latency (ms)`), the ticks are bare numbers.
public struct AxisUnit: Sendable, Hashable {
    /// The suffix shown after the axis label, empty for plain numbers.
    public var symbol: String
    /// What a base-unit value is divided by to read in this unit.
    public var divisor: Double

    /// A unit with a symbol and a divisor.
    public init(symbol: String, divisor: Double) {
        self.symbol = symbol
        self.divisor = divisor
    }

    /// No unit: numbers as they are.
    public static let plain = AxisUnit(symbol: "", divisor: 1)

    /// The unit for values of this kind whose largest magnitude is `largest`.
    public static func fitting(_ dimension: Dimension, _ hint: DisplayHint, largest: Double) -> AxisUnit {
        let a = abs(largest)
        switch (dimension, hint) {
        case (.time, _):
            if a >= 1 || a == 0 { return AxisUnit(symbol: "s", divisor: 1) }
            if a >= 1e-3 { return AxisUnit(symbol: "ms", divisor: 1e-3) }
            if a >= 1e-6 { return AxisUnit(symbol: "us", divisor: 1e-6) }
            return AxisUnit(symbol: "ns", divisor: 1e-9)
        case (.bytes, _):
            if a >= 1e9 { return AxisUnit(symbol: "GB", divisor: 1e9) }
            if a >= 1e6 { return AxisUnit(symbol: "MB", divisor: 1e6) }
            if a >= 1e3 { return AxisUnit(symbol: "KB", divisor: 1e3) }
            return AxisUnit(symbol: "B", divisor: 1)
        case (.scalar, .percent): return AxisUnit(symbol: "%", divisor: 0.01)
        case (.scalar, .count):
            if a >= 1e9 { return AxisUnit(symbol: "G", divisor: 1e9) }
            if a >= 1e6 { return AxisUnit(symbol: "M", divisor: 1e6) }
            if a >= 1e3 { return AxisUnit(symbol: "k", divisor: 1e3) }
            return .plain
        case (.scalar, .plain): return .plain
        }
    }

    /// The axis label with this unit: `latency (ms)`, or the name alone without a unit.
    public func label(_ name: String) -> String { symbol.isEmpty ? name : "\(name) (\(symbol))" }
}
