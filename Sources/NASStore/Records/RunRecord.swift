import NASCore
import Foundation

/// One search run as the store keeps it: what was searched, how, for how long, and how it ended.
public struct RunRecord: Sendable, Hashable {
    /// The store's id for the run (0 before it is created).
    public var id: Int64
    /// The strategy's name (`random`, `evolution`, ...).
    public var strategy: String
    /// The strategy's settings that make it reproducible.
    public var strategySettings: [String: String]
    /// The search space's name.
    public var space: String
    /// The evaluator's descriptor (see `Evaluator.descriptor`).
    public var evaluator: String
    /// The metric the objective scores trials by.
    public var objectiveMetric: String
    /// Whether a larger objective metric is better.
    public var maximise: Bool
    /// How much the run may spend.
    public var budget: Budget
    /// The run's seed; every trial seed derives from it.
    public var seed: UInt64
    /// Where the run stands.
    public var status: RunStatus
    /// When the run was created.
    public var createdAt: Date
    /// When the run ended, if it did.
    public var finishedAt: Date?
    /// The script text that launched it, when it came from one.
    public var script: String?
    /// Why the run failed, when it did.
    public var error: String?
    /// The process working the run (`host:pid`), while it is running.
    public var owner: String?
    /// How its trials are run beyond the strategy (fidelity, early stopping), so that a later
    /// session can resume the run as it was launched; keys are the engine's (`RunSettings`).
    public var trialSettings: [String: String]
    /// The versioned JSON description of the run's space and evaluator that a queue worker rebuilds them
    /// from (`EvaluationDescription` in the engine); nil when they cannot be described (a user's closure).
    public var evaluation: String?

    /// Creates a run description (status `running`, created now).
    public init(id: Int64 = 0, strategy: String, strategySettings: [String: String] = [:], space: String,
                evaluator: String, objectiveMetric: String = "accuracy", maximise: Bool = true,
                budget: Budget, seed: UInt64, status: RunStatus = .running, createdAt: Date = Date(),
                finishedAt: Date? = nil, script: String? = nil, error: String? = nil, owner: String? = nil,
                trialSettings: [String: String] = [:], evaluation: String? = nil) {
        self.id = id
        self.strategy = strategy
        self.strategySettings = strategySettings
        self.space = space
        self.evaluator = evaluator
        self.objectiveMetric = objectiveMetric
        self.maximise = maximise
        self.budget = budget
        self.seed = seed
        self.status = status
        self.createdAt = createdAt
        self.finishedAt = finishedAt
        self.script = script
        self.error = error
        self.owner = owner
        self.trialSettings = trialSettings
        self.evaluation = evaluation
    }

    /// The objective as shown: `accuracy max`.
    public var objectiveDescription: String { "\(objectiveMetric) \(maximise ? "max" : "min")" }
}
