import Foundation

/// An arithmetic or comparison that mixes kinds of quantity that do not go together.
public struct UnitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in the user's terms.
    public let message: String

    /// Creates a unit error with a message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}

extension Quantity {
    /// The kind with the value, for messages: `time (20ms)`, `a plain number (3)`, `a memory size (3MB)`.
    public var kindDescription: String {
        switch dimension {
        case .time: return "time (\(description))"
        case .bytes: return "a memory size (\(description))"
        case .scalar: return "a plain number (\(description))"
        }
    }

    /// A hint that turns a plain number into the other operand's kind: `write 3ms or 3s`.
    static func unitAdvice(number: Quantity, wanted: Dimension) -> String {
        guard number.dimension == .scalar else { return "" }
        let n = Quantity.formatNumber(number.value)
        switch wanted {
        case .time: return "; write \(n)ms or \(n)s"
        case .bytes: return "; write \(n)MB or \(n)KB"
        case .scalar: return ""
        }
    }

    /// Throws a unit error unless both quantities have the same dimension.
    static func requireSameKind(_ a: Quantity, _ b: Quantity, verb: String, joiner: String) throws {
        guard a.dimension != b.dimension else { return }
        let advice = unitAdvice(number: b, wanted: a.dimension) + unitAdvice(number: a, wanted: b.dimension)
        throw UnitError("cannot \(verb) \(a.kindDescription) \(joiner) \(b.kindDescription)\(advice)")
    }

    static func mergedHint(_ a: DisplayHint, _ b: DisplayHint) -> DisplayHint {
        if a == b { return a }
        if a == .plain { return b == .count ? .count : .plain }
        if b == .plain { return a == .count ? .count : .plain }
        return .plain
    }

    /// `a + b`, when both have the same kind.
    public static func adding(_ a: Quantity, _ b: Quantity) throws -> Quantity {
        try requireSameKind(a, b, verb: "add", joiner: "and")
        return Quantity(a.value + b.value, a.dimension, hint: mergedHint(a.hint, b.hint))
    }

    /// `a - b`, when both have the same kind.
    public static func subtracting(_ a: Quantity, _ b: Quantity) throws -> Quantity {
        try requireSameKind(b, a, verb: "subtract", joiner: "from")  // "cannot subtract b from a"
        return Quantity(a.value - b.value, a.dimension, hint: mergedHint(a.hint, b.hint))
    }

    /// `a * b`: at most one side may carry a unit.
    public static func multiplying(_ a: Quantity, _ b: Quantity) throws -> Quantity {
        switch (a.dimension, b.dimension) {
        case (.scalar, .scalar):
            let hint: DisplayHint = (a.hint == .count || b.hint == .count) ? .count : .plain
            return Quantity(a.value * b.value, hint: hint)
        case (.scalar, let d): return Quantity(a.value * b.value, d)
        case (let d, .scalar): return Quantity(a.value * b.value, d)
        default:
            throw UnitError("cannot multiply \(a.kindDescription) by \(b.kindDescription): the result has no unit naslab knows")
        }
    }

    /// `a / b`: a unit divided by the same unit is a plain number; by a plain number it keeps its unit.
    public static func dividing(_ a: Quantity, _ b: Quantity) throws -> Quantity {
        guard b.value != 0 else { throw UnitError("division by zero (\(a.description) / \(b.description))") }
        if a.dimension == b.dimension { return Quantity(a.value / b.value) }
        if b.dimension == .scalar { return Quantity(a.value / b.value, a.dimension) }
        throw UnitError("cannot divide \(a.kindDescription) by \(b.kindDescription): the result has no unit naslab knows")
    }

    /// `a ** b`, for plain numbers only.
    public static func power(_ a: Quantity, _ b: Quantity) throws -> Quantity {
        guard a.dimension == .scalar, b.dimension == .scalar else {
            throw UnitError("cannot raise \(a.kindDescription) to \(b.kindDescription): powers need plain numbers")
        }
        return Quantity(pow(a.value, b.value))
    }

    /// Compares two quantities of the same kind: negative, zero or positive like `a - b`.
    public static func compare(_ a: Quantity, _ b: Quantity) throws -> Int {
        try requireSameKind(a, b, verb: "compare", joiner: "with")
        if a.value < b.value { return -1 }
        if a.value > b.value { return 1 }
        return 0
    }
}
