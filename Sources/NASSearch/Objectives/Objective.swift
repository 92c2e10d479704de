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
    public var target: Target {
        didSet { metricKey = Objective.key(of: target) }
    }
    /// Hard constraints every feasible trial satisfies.
    public var constraints: [Constraint]
    /// The key of the target metric, looked up once rather than per trial (nil for the MnasNet reward).
    private var metricKey: MetricKey?

    /// Creates an objective.
    public init(_ target: Target, constraints: [Constraint] = []) {
        self.target = target
        self.constraints = constraints
        metricKey = Objective.key(of: target)
    }

    /// The key of a target's metric.
    private static func key(of target: Target) -> MetricKey? {
        guard case let .metric(name, _) = target else { return nil }
        return MetricKey(name)
    }

    private enum CodingKeys: String, CodingKey { case target, constraints }

    /// Reads an objective written by `encode(to:)`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(Target.self, forKey: .target),
                  constraints: try container.decode([Constraint].self, forKey: .constraints))
    }

    /// Writes the target and the constraints.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(target, forKey: .target)
        try container.encode(constraints, forKey: .constraints)
    }

    public static func == (a: Objective, b: Objective) -> Bool {
        a.target == b.target && a.constraints == b.constraints
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(target)
        hasher.combine(constraints)
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
        result.status == .done && constraints.allSatisfy { $0.isSatisfied(by: result) }
    }

    /// The value of the target in its natural orientation (accuracy as is, latency as is), if present.
    public func rawValue(of metrics: [String: Double]) -> Double? {
        switch target {
        case let .metric(name, _): metrics[name].flatMap { $0.isNaN ? nil : $0 }
        case let .mnasnet(reward): reward.value(of: metrics)
        }
    }

    /// The value of the target in a result, in its natural orientation, if present.
    public func rawValue(of result: TrialResult) -> Double? {
        if let metricKey { return result.value(of: metricKey).flatMap { $0.isNaN ? nil : $0 } }
        guard case let .mnasnet(reward) = target else { return nil }
        return reward.value(of: result)
    }

    /// The "higher is better" score of a result; `-infinity` when infeasible, failed or missing the metric.
    public func score(_ result: TrialResult) -> Double {
        guard isFeasible(result), let value = rawValue(of: result) else { return -.infinity }
        switch target {
        case let .metric(_, direction): return direction.oriented(value)
        case .mnasnet: return value
        }
    }

    /// A name for this objective's scores among a result table's derived columns: the metric's name for a
    /// plain maximisation (`-` and the name for a minimisation), else the whole description. Metric names
    /// never start with `-` or contain spaces, so no two objectives share one.
    var columnKey: String {
        guard constraints.isEmpty, case let .metric(name, direction) = target else { return description }
        return direction == .maximize ? name : "-" + name
    }

    public var description: String {
        var text: String
        switch target {
        case let .metric(name, direction): text = direction.rawValue + " " + name
        case let .mnasnet(r): text = "mnasnet(T=\(r.target), alpha=\(r.alpha), beta=\(r.beta))"
        }
        if !constraints.isEmpty { text += " subject to " + constraints.map(\.description).joined(separator: ", ") }
        return text
    }
}
