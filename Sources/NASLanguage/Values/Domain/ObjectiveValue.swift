import NASEngine
import NASSearch

/// What a run optimises, as a language value: `maximize("accuracy")`, `mnasnet_reward(target: 20ms)`.
public struct ObjectiveValue: DomainValue {
    /// The engine's objective.
    public let objective: RunObjective

    /// Wraps an objective.
    public init(_ objective: Objective) { self.objective = RunObjective(objective) }

    public var typeName: String { "objective" }

    /// `maximize accuracy`, `mnasnet(T=0.02, alpha=-0.07, beta=-0.07)`, with constraints.
    public var summary: String { "objective " + objective.objective.description }

    public var memberNames: [String] { ["metric", "maximize", "constraints"] }

    public func member(_ name: String) throws -> Value? {
        switch name {
        case "metric": return .string(objective.metric)
        case "maximize": return .bool(objective.maximise)
        case "constraints": return .list(objective.objective.constraints.map { .string($0.description) })
        default: return nil
        }
    }
}
