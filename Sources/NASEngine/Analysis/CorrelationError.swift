/// What is wrong with a correlation of two evaluators, by the part of the request that is wrong.
public enum CorrelationError: Error, CustomStringConvertible, Sendable {
    /// The architectures: too few, or of another space than the one given.
    case architectures(String)
    /// The first evaluator: it failed on an architecture, or refused it.
    case first(String)
    /// The second evaluator.
    case second(String)
    /// A metric an evaluator does not give, or gives as a number that cannot be ranked.
    case metric(String)

    public var description: String {
        switch self {
        case .architectures(let m), .first(let m), .second(let m), .metric(let m): return m
        }
    }
}
