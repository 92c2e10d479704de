/// The range of numbers the language holds (those of a `Double`), and the words for leaving it.
///
/// A literal, an operator or a math builtin whose result would be infinite or not a number is an
/// error at its place in the source; these are the words all of them use.
enum NumberLimits {
    /// The largest number, as messages write it.
    static let largestText = "1.8e308"

    /// The words for a result past the largest number: `overflows: … beyond 1.8e308, the largest number`.
    static let overflowText = "overflows: the result is beyond \(largestText), the largest number"
}
