/// A number with a dimension: `20ms`, `64MB`, `10k`, `94.4%`.
///
/// The value is kept in base units (seconds, bytes, plain numbers; percentages as fractions),
/// so `20ms + 1s` is `Quantity(1.02, .time)`.
public struct Quantity: Sendable, Hashable, Codable {
    /// The value in base units.
    public var value: Double
    /// The physical kind.
    public var dimension: Dimension
    /// How a scalar prefers to be printed.
    public var hint: DisplayHint

    /// Creates a quantity from a value in base units.
    public init(_ value: Double, _ dimension: Dimension = .scalar, hint: DisplayHint = .plain) {
        self.value = value
        self.dimension = dimension
        self.hint = hint
    }

    /// A plain number.
    public static func scalar(_ value: Double) -> Quantity { Quantity(value) }
    /// A duration in seconds.
    public static func seconds(_ value: Double) -> Quantity { Quantity(value, .time) }
    /// An amount of memory in bytes.
    public static func bytes(_ value: Double) -> Quantity { Quantity(value, .bytes) }
    /// A fraction shown as a percentage.
    public static func fraction(_ value: Double) -> Quantity { Quantity(value, hint: .percent) }
}

extension Quantity: CustomStringConvertible {
    /// A short human form that reads back as the same literal where possible.
    public var description: String {
        switch dimension {
        case .time: return Quantity.formatTime(value)
        case .bytes: return Quantity.formatBytes(value)
        case .scalar:
            switch hint {
            case .plain: return Quantity.formatNumber(value)
            case .count: return Quantity.formatCount(value)
            case .percent: return Quantity.formatNumber((value * 100 * 1e6).rounded() / 1e6, maxFraction: 2) + "%"
            }
        }
    }

    /// Formats a plain number: integers without a fraction, others with up to `maxFraction` digits.
    public static func formatNumber(_ v: Double, maxFraction: Int = 6) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        let magnitude = abs(v)
        if magnitude >= 1e15 || magnitude < 1e-4 { return String(format: "%.4g", v) }
        var s = String(format: "%.\(maxFraction)f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    static func formatTime(_ seconds: Double) -> String {
        let a = abs(seconds)
        if a == 0 { return "0s" }
        if a < 1e-6 { return formatNumber(seconds * 1e9, maxFraction: 3) + "ns" }
        if a < 1e-3 { return formatNumber(seconds * 1e6, maxFraction: 3) + "us" }
        if a < 1 { return formatNumber(seconds * 1e3, maxFraction: 3) + "ms" }
        return formatNumber(seconds, maxFraction: 3) + "s"
    }

    static func formatBytes(_ bytes: Double) -> String {
        let a = abs(bytes)
        if a < 1e3 { return formatNumber(bytes, maxFraction: 0) + "B" }
        if a < 1e6 { return formatNumber(bytes / 1e3, maxFraction: 2) + "KB" }
        if a < 1e9 { return formatNumber(bytes / 1e6, maxFraction: 2) + "MB" }
        return formatNumber(bytes / 1e9, maxFraction: 2) + "GB"
    }

    static func formatCount(_ v: Double) -> String {
        let a = abs(v)
        if a < 1e3 { return formatNumber(v, maxFraction: 3) }
        if a < 1e6 { return formatNumber(v / 1e3, maxFraction: 2) + "k" }
        if a < 1e9 { return formatNumber(v / 1e6, maxFraction: 2) + "M" }
        return formatNumber(v / 1e9, maxFraction: 2) + "G"
    }
}

import Foundation
