import Foundation
import NASSpaces

/// A hard bound on one metric, such as `latency < 0.02` or `params <= 1e6`.
///
/// A trial that breaks a constraint, or lacks the constrained metric, is infeasible: the
/// objective scores it `-infinity`, so every strategy ranks it below every feasible trial.
public struct Constraint: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How the metric is compared with the bound.
    public enum Comparison: String, Sendable, Hashable, Codable, CaseIterable {
        /// Strictly below the bound.
        case less = "<"
        /// At most the bound.
        case lessOrEqual = "<="
        /// Strictly above the bound.
        case greater = ">"
        /// At least the bound.
        case greaterOrEqual = ">="

        /// Whether `value` stands in this relation to `bound`.
        public func holds(_ value: Double, _ bound: Double) -> Bool {
            switch self {
            case .less: value < bound
            case .lessOrEqual: value <= bound
            case .greater: value > bound
            case .greaterOrEqual: value >= bound
            }
        }
    }

    /// The metric's name (`latency`, `params`).
    public var metric: String
    /// The comparison.
    public var comparison: Comparison
    /// The bound, in the metric's base unit.
    public var bound: Double

    /// Creates a constraint.
    public init(_ metric: String, _ comparison: Comparison, _ bound: Double) {
        self.metric = metric
        self.comparison = comparison
        self.bound = bound
    }

    /// Reads `metric OP number`, with OP one of `<`, `<=`, `>`, `>=`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 3 else {
            throw StrategyError("a constraint reads 'metric < number' (or <=, >, >=); got '\(text)'")
        }
        guard let comparison = Comparison(rawValue: parts[1]) else {
            throw StrategyError("'\(parts[1])' in constraint '\(text)' is not one of <, <=, >, >=")
        }
        guard let bound = Double(parts[2]), bound.isFinite else {
            throw StrategyError("'\(parts[2])' in constraint '\(text)' is not a number")
        }
        self.init(parts[0], comparison, bound)
    }

    /// Whether the metrics satisfy the constraint (a missing metric does not).
    public func isSatisfied(by metrics: [String: Double]) -> Bool {
        guard let value = metrics[metric], !value.isNaN else { return false }
        return comparison.holds(value, bound)
    }

    /// Whether a result's metrics satisfy the constraint (a missing metric does not).
    public func isSatisfied(by result: TrialResult) -> Bool {
        guard let value = result.value(of: metric), !value.isNaN else { return false }
        return comparison.holds(value, bound)
    }

    public var description: String { "\(metric) \(comparison.rawValue) \(bound)" }
}
