/// A range of whole numbers: `2..8` includes 8, `0..<n` stops before n.
public struct RangeValue: Hashable, Sendable {
    /// The first number.
    public var lower: Int
    /// The last number (inclusive) or one past it (exclusive).
    public var upper: Int
    /// Whether `upper` belongs to the range.
    public var inclusive: Bool

    /// Creates a range.
    public init(lower: Int, upper: Int, inclusive: Bool) {
        self.lower = lower
        self.upper = upper
        self.inclusive = inclusive
    }

    /// How many numbers the range holds.
    public var count: Int {
        let end = inclusive ? upper.addingReportingOverflow(1).partialValue : upper
        return end > lower ? end.subtractingReportingOverflow(lower).partialValue : 0
    }

    /// The `i`-th number (from 0); the caller checks bounds.
    public func element(_ i: Int) -> Int { lower + i }

    /// Whether `n` is in the range.
    public func contains(_ n: Int) -> Bool { n >= lower && (inclusive ? n <= upper : n < upper) }

    /// How it is written: `2..8` or `0..<5`.
    public var description: String { "\(lower)\(inclusive ? ".." : "..<")\(upper)" }
}
