import NASSpaces

/// What a search wants: a metric to maximise or minimise (or the MnasNet reward) under hard constraints.
///
/// `score(_:)` turns a trial's metrics into one "higher is better" number for the strategies;
/// failed trials, trials that break a constraint and trials without the metric score `-infinity`.
public struct Objective: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What is being optimised.
    public enum Target: Sendable, Hashable, Codable {
        /// One metric in a direction.
        case metric(String, Direction)
        /// The MnasNet accuracy–latency reward, maximised.
        case mnasnet(MnasNetReward)
    }

    /// What is being optimised.
    public var target: Target
    /// Hard constraints every feasible trial satisfies.
    public var constraints: [Constraint]

    /// Creates an objective.
    public init(_ target: Target, constraints: [Constraint] = []) {
        self.target = target
        self.constraints = constraints
    }

    /// Maximise a metric (validation `accuracy` by default).
    public static func maximize(_ metric: String = "accuracy", constraints: [Constraint] = []) -> Objective {
        Objective(.metric(metric, .maximize), constraints: constraints)
    }

    /// Minimise a metric.
    public static func minimize(_ metric: String, constraints: [Constraint] = []) -> Objective {
        Objective(.metric(metric, .minimize), constraints: constraints)
    }

    /// Whether a result is feasible: finished and within every constraint.
    public func isFeasible(_ result: TrialResult) -> Bool {
        result.status == .done && constraints.allSatisfy { $0.isSatisfied(by: result.metrics) }
    }

    /// The value of the target in its natural orientation (accuracy as is, latency as is), if present.
    public func rawValue(of metrics: [String: Double]) -> Double? {
        switch target {
        case let .metric(name, _): Objective.value(of: name, in: metrics).flatMap { $0.isNaN ? nil : $0 }
        case let .mnasnet(reward): reward.value(of: metrics)
        }
    }

    /// The value of metric `name`. A result has a handful of metrics, and comparing a few short names is
    /// cheaper than hashing one (this runs once per trial), so small dictionaries are scanned.
    static func value(of name: String, in metrics: [String: Double]) -> Double? {
        guard metrics.count <= 8 else { return metrics[name] }
        for (key, value) in metrics where key == name { return value }
        return nil
    }

    /// The "higher is better" score of a result; `-infinity` when infeasible, failed or missing the metric.
    public func score(_ result: TrialResult) -> Double {
        guard isFeasible(result), let value = rawValue(of: result.metrics) else { return -.infinity }
        switch target {
        case let .metric(_, direction): return direction.oriented(value)
        case .mnasnet: return value
        }
    }

    public var description: String {
        var text: String
        switch target {
        case let .metric(name, direction): text = "\(direction.rawValue) \(name)"
        case let .mnasnet(r): text = "mnasnet(T=\(r.target), alpha=\(r.alpha), beta=\(r.beta))"
        }
        if !constraints.isEmpty { text += " subject to " + constraints.map(\.description).joined(separator: ", ") }
        return text
    }
}
