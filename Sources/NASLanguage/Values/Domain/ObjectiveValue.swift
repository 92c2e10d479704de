import NASSearch

/// What a run optimises, as a language value: `maximize("accuracy")`, `mnasnet_reward(target: 20ms)`.
public struct ObjectiveValue: DomainValue {
    /// The objective.
    public let objective: Objective

    /// Wraps an objective.
    public init(_ objective: Objective) { self.objective = objective }

    /// "objective".
    public var typeName: String { "objective" }

    /// `maximize accuracy`, `mnasnet(T=0.02, alpha=-0.07, beta=-0.07)`, with constraints.
    public var summary: String { "objective " + objective.description }

    /// `metric`, `maximize` and `constraints`.
    public var memberNames: [String] { ["metric", "maximize", "constraints"] }

    /// The ranked metric (`score` for rewards and constrained objectives), its direction, the constraints as text.
    public func member(_ name: String) throws -> Value? {
        switch name {
        case "metric": return .string(objective.rankingMetric)
        case "maximize": return .bool(objective.maximisesRanking)
        case "constraints": return .list(objective.constraints.map { .string($0.description) })
        default: return nil
        }
    }
}
