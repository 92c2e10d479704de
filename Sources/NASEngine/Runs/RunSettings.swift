import NASSpaces
import NASStore

/// How a run is launched: what it optimises, how long, with which seed, at which fidelity.
public struct RunSettings: Sendable, Hashable {
    /// The objective that scores trials.
    public var objective: RunObjective
    /// When the run stops.
    public var budget: RunBudget
    /// The run's seed; the evaluator gets it for every trial, so an architecture proposed
    /// twice is the same work and the second time comes from the result cache.
    public var seed: UInt64
    /// The fidelity of trials whose proposal does not say.
    public var fidelity: Fidelity
    /// The script text that launched the run, kept with it.
    public var script: String?
    /// Learning-curve early stopping of training trials, when wanted (needs an evaluator that
    /// trains epoch by epoch, `EpochObservingEvaluator`; others evaluate as usual).
    public var earlyStopping: EarlyStopping?

    /// Creates run settings.
    public init(objective: RunObjective = .accuracy, budget: RunBudget, seed: UInt64 = 0,
                fidelity: Fidelity = .full, script: String? = nil, earlyStopping: EarlyStopping? = nil) {
        self.objective = objective
        self.budget = budget
        self.seed = seed
        self.fidelity = fidelity
        self.script = script
        self.earlyStopping = earlyStopping
    }
}
