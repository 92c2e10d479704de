import NASEngine
import NASSearch
import NASSpaces

/// What launched a run in this session, kept so that `resume(r)` can rebuild its strategy.
struct RunLaunch: Sendable {
    /// The strategy recipe.
    var strategy: StrategyValue
    /// The space searched.
    var space: any SearchSpace
    /// The evaluator.
    var evaluator: any Evaluator
    /// The objective.
    var objective: RunObjective
    /// The fidelity of trials.
    var fidelity: Fidelity
    /// Every objective, for multi-objective strategies.
    var objectives: [Objective] = []
    /// Learning-curve early stopping, when the run was launched with it.
    var earlyStopping: EarlyStopping? = nil
}
