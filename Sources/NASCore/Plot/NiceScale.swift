import Foundation

/// An axis range widened to round numbers, with evenly spaced ticks at "nice" values (1, 2 or 5 × 10ⁿ).
///
/// Heckbert's labelling ("Nice numbers for graph labels", Graphics Gems, 1990): the tick step is the
/// nice number nearest to range / (ticks − 1), and the range is widened to multiples of the step.
public struct NiceScale: Sendable, Hashable {
    /// The axis's lowest value (a multiple of `step`).
    public var lower: Double
    /// The axis's highest value (a multiple of `step`).
    public var upper: Double
    /// The distance between ticks.
    public var step: Double

    /// A scale covering `minimum…maximum` with about `targetTicks` ticks.
    public init(minimum: Double, maximum: Double, targetTicks: Int = 5) {
        var low = Self.clamped(minimum.isFinite ? minimum : 0), high = Self.clamped(maximum.isFinite ? maximum : 1)
        if high < low { swap(&low, &high) }
        if high - low < 1e-300 || high - low <= max(abs(low), abs(high)) * 1e-12 {
            let pad = abs(low) < 1e-300 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let range = Self.niceNumber(high - low, round: false)
        step = Self.niceNumber(range / Double(max(1, targetTicks - 1)), round: true)
        lower = (low / step).rounded(.down) * step
        upper = (high / step).rounded(.up) * step
    }

    /// The tick values from `lower` to `upper`, rounded to the step's precision.
    public var ticks: [Double] {
        let count = min(1000, Int(((upper - lower) / step).rounded()) + 1)
        let digits = decimals
        let factor = pow(10, Double(digits))
        return (0..<count).map { i in
            let raw = lower + Double(i) * step
            if digits > 15 { return raw }
            return digits > 0 ? (raw * factor).rounded() / factor : raw.rounded()
        }
    }

    /// A value kept within ±1e300, so that ranges stay finite.
    private static func clamped(_ value: Double) -> Double { min(1e300, max(-1e300, value)) }

    /// How many decimal places the step needs (0 for whole steps).
    public var decimals: Int { max(0, -Int((log10(step)).rounded(.down))) }

    /// The position of `value` on the scale, from 0 at `lower` to 1 at `upper`.
    public func fraction(_ value: Double) -> Double { (value - lower) / (upper - lower) }

    /// The nice number (1, 2, 5 or 10 × 10ⁿ) near `x`: rounded to the nearest when `round`, else the next one up.
    public static func niceNumber(_ x: Double, round: Bool) -> Double {
        let exponent = (log10(x)).rounded(.down)
        let power = pow(10, exponent)
        let f = x / power
        let nice: Double
        if round {
            nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10
        } else {
            nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10
        }
        return nice * power
    }
}
