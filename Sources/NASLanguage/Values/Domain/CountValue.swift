import Foundation
import NASCore

/// An exact whole number too large for a plain number (a space's size), printed in full.
///
/// `size(ofa())` is a count. It compares with plain numbers (exactly, when they are whole) and
/// takes part in arithmetic as its approximate plain number; `.value` gives that number,
/// `.digits` the exact digits as text, `.log10` its decimal magnitude.
public struct CountValue: DomainValue {
    /// The exact count.
    public let count: BigCount

    /// Wraps a count.
    public init(_ count: BigCount) { self.count = count }

    /// The type name the user sees.
    public var typeName: String { "count" }

    /// Every digit: `19,893,133,271,040,000,000` style grouping, then its magnitude.
    public var summary: String {
        "\(SpaceValue.grouped(count.description)) (≈\(String(format: "%.3g", count.doubleValue)))"
    }

    /// The field names, for completion and messages.
    public var memberNames: [String] { ["value", "digits", "log10"] }

    /// The field `name`, or nil when there is none.
    public func member(_ name: String) throws -> Value? {
        switch name {
        case "value": return .number(count.doubleValue)
        case "digits": return .string(count.description)
        case "log10": return .number(Foundation.log10(count.doubleValue))
        default: return nil
        }
    }

    /// Whether the value is a count.
    static func isCount(_ value: Value) -> Bool {
        guard case .object(let o) = value else { return false }
        return o is CountValue
    }

    /// The exact count a value stands for: a count's own, or a whole non-negative plain number's;
    /// nil for anything else.
    static func exact(_ value: Value) -> BigCount? {
        switch value {
        case .object(let o as CountValue): return o.count
        case .number(let q):
            guard q.dimension == .scalar, q.value >= 0, q.value < 0x1p63, q.value == q.value.rounded() else { return nil }
            return BigCount(UInt64(q.value))
        default: return nil
        }
    }

    /// Equal when the counts are equal.
    public func isEqual(to other: any DomainValue) -> Bool {
        (other as? CountValue)?.count == count
    }
}
