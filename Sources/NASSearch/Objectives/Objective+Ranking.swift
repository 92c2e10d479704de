extension Objective {
    /// The metric a store ranks trials by: the objective's own for a plain metric, `score` (larger is
    /// better) for the MnasNet reward or an objective with constraints, since the store keeps each trial's score.
    public var rankingMetric: String {
        guard constraints.isEmpty, case let .metric(name, _) = target else { return "score" }
        return name
    }

    /// Whether larger values of `rankingMetric` are better.
    public var maximisesRanking: Bool {
        guard constraints.isEmpty, case let .metric(_, direction) = target else { return true }
        return direction == .maximize
    }

    /// The plain objective a store's ranking metric and direction describe (`score` stands for itself).
    public init(ranking metric: String, maximise: Bool) {
        self = maximise ? .maximize(metric) : .minimize(metric)
    }

    /// The ranking metric's value of a trial with this score (nil when the score is not finite).
    public func rankingValue(ofScore score: Double) -> Double? {
        guard score.isFinite else { return nil }
        return maximisesRanking ? score : -score
    }
}
