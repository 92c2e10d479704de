import NASSearch
import NASSpaces

/// What a run optimises: a metric maximised or minimised, or the MnasNet reward, under hard constraints.
///
/// `metric` and `maximise` are what the store records and ranks by: the objective's metric for a
/// plain objective, and `score` (larger is better) when the objective is the MnasNet reward or
/// has constraints, since the trials table keeps each trial's score.
public struct RunObjective: Sendable, Hashable {
    /// The metric the store ranks trials by (`accuracy`, or `score`).
    public var metric: String
    /// Whether larger values of `metric` are better.
    public var maximise: Bool
    /// The full objective that scores trials.
    public var objective: Objective

    /// Maximises or minimises one metric.
    public init(metric: String = "accuracy", maximise: Bool = true) {
        self.init(maximise ? .maximize(metric) : .minimize(metric))
    }

    /// Wraps a search objective (a metric, the MnasNet reward, constraints).
    public init(_ objective: Objective) {
        self.objective = objective
        switch objective.target {
        case let .metric(name, direction) where objective.constraints.isEmpty:
            metric = name
            maximise = direction == .maximize
        default:
            metric = "score"
            maximise = true
        }
    }

    /// Maximise validation accuracy: what searches optimise by default.
    public static let accuracy = RunObjective()

    /// The score told to the strategy, larger is better: the metric, negated when minimised, or
    /// the reward; `-infinity` for a trial that did not finish as done, breaks a constraint or
    /// lacks the metric.
    public func score(_ result: TrialResult) -> Double {
        objective.score(result)
    }
}
