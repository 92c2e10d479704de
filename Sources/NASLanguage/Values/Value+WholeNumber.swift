import NASCore

extension Quantity {
    /// The largest whole number the language hands to builtins as an `Int` (15 digits, so that
    /// every such number is exact in a `Double`).
    static let largestWholeNumber = 999_999_999_999_999.0

    /// The value as an `Int` when it is a whole plain number within ±`largestWholeNumber`.
    var wholeNumber: Int? {
        guard dimension == .scalar, value.isFinite, value == value.rounded(),
              abs(value) <= Self.largestWholeNumber else { return nil }
        return Int(value)
    }
}

extension Value {
    /// Why the value is not a whole number, as the end of "seed …": `must be a whole number`, or
    /// `is too large (at most 999,999,999,999,999)` for a whole number beyond the limit.
    var wholeNumberProblem: String {
        guard case .number(let q) = self, q.dimension == .scalar, q.value.isFinite, q.value == q.value.rounded() else {
            return "must be a whole number"
        }
        let limit = SpaceValue.grouped(String(Int(Quantity.largestWholeNumber)))
        return q.value > 0 ? "is too large (at most \(limit))" : "is too small (at least -\(limit))"
    }
}
