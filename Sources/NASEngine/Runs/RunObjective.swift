import NASSpaces

/// What a run optimises: one metric, maximised or minimised.
public struct RunObjective: Sendable, Hashable {
    /// The metric scored (`accuracy`).
    public var metric: String
    /// Whether larger values are better.
    public var maximise: Bool

    /// Creates an objective.
    public init(metric: String = "accuracy", maximise: Bool = true) {
        self.metric = metric
        self.maximise = maximise
    }

    /// Maximise validation accuracy: what searches optimise by default.
    public static let accuracy = RunObjective()

    /// The score told to the strategy, larger is better: the metric, negated when minimised;
    /// `-infinity` for a trial that did not finish as done or lacks the metric.
    public func score(_ result: TrialResult) -> Double {
        guard result.status == .done, let value = result.metrics[metric], !value.isNaN else { return -.infinity }
        return maximise ? value : -value
    }
}
