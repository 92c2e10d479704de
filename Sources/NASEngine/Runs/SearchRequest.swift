import NASCore
import NASSearch
import NASSpaces

/// Everything a front end says about a search, for `launch`, `simulate` and `resume` alike; the engine
/// checks it, builds the strategy from the registry and picks the evaluator the loop gets.
public struct SearchRequest: Sendable {
    /// The strategy's registry name and its given settings (checked and completed by the registry).
    public var strategy: String
    public var settings: [String: Double]
    /// The space searched.
    public var space: any SearchSpace
    /// The evaluator.
    public var evaluator: any Evaluator
    /// The objectives; the first is the run's (maximise accuracy when empty). Multi-objective strategies get all.
    public var objectives: [Objective]
    /// When each run stops.
    public var budget: Budget
    /// The run's seed (the first run's, for simulate).
    public var seed: UInt64
    /// The fidelity of proposals that leave it to the evaluator (`epochs:`).
    public var fidelity: Fidelity
    /// Learning-curve early stopping of training trials.
    public var earlyStopping: EarlyStopping?
    /// The script text that asked for it, kept with a launched run.
    public var script: String?
    /// Queue workers in the run's process (`RunSettings.workers`: 1 the run's own thread, 0 external only).
    public var workers: Int = 1
    /// Proposals per batch (`RunSettings.batch`; nil: the workers, at least 1).
    public var batch: Int?

    /// A request.
    public init(strategy: String, settings: [String: Double] = [:], space: any SearchSpace, evaluator: any Evaluator,
                objectives: [Objective] = [], budget: Budget, seed: UInt64 = 1, fidelity: Fidelity = .full,
                earlyStopping: EarlyStopping? = nil, script: String? = nil) {
        self.strategy = strategy
        self.settings = settings
        self.space = space
        self.evaluator = evaluator
        self.objectives = objectives
        self.budget = budget
        self.seed = seed
        self.fidelity = fidelity
        self.earlyStopping = earlyStopping
        self.script = script
    }

    /// The run's objective.
    public var objective: Objective { objectives.first ?? .maximize() }

    /// The run settings of a launched run.
    var runSettings: RunSettings {
        RunSettings(objective: objective, budget: budget, seed: seed, fidelity: fidelity, script: script, earlyStopping: earlyStopping,
                    workers: workers, batch: batch)
    }

    /// The evaluator the loop gets: for a multi-fidelity strategy, an evaluator with only a few epoch counts
    /// (NAS-Bench-201: 12 and 200) answers each rung at the nearest count it has.
    var loopEvaluator: any Evaluator {
        guard StrategyRegistry.entry(strategy)?.isMultiFidelity == true, let available = evaluator.availableEpochs else { return evaluator }
        return NearestFidelityEvaluator(evaluator, available: available)
    }

    /// A fresh strategy for a run of this seed.
    func makeStrategy(seed: UInt64) throws -> any SearchStrategy {
        try StrategyRegistry.make(strategy, settings: settings, space: space, seed: seed, maxEpochs: loopEvaluator.maxEpochs,
                                  objectives: objectives, evaluator: evaluator)
    }

    /// Throws unless early stopping, when asked for, can watch this search: the objective must be the
    /// validation accuracy, the run's own thread must evaluate its trials (one worker) and the evaluator must
    /// train epoch by epoch.
    public func checkEarlyStopping() throws {
        guard earlyStopping != nil else { return }
        guard objective.rankingMetric == "accuracy", objective.maximisesRanking else {
            throw SearchRequestError.earlyStopping("early stopping watches the validation accuracy curve, so the objective must be maximize(\"accuracy\"), not \(objective.rankingMetric)")
        }
        guard workers == 1 else {
            throw SearchRequestError.earlyStopping("early stopping watches each training curve on the run's own thread, so it needs workers: 1, not \(workers)")
        }
                guard evaluator is any EpochObservingEvaluator else {
            throw SearchRequestError.earlyStopping("early stopping needs an evaluator that trains epoch by epoch, from train(…); \(evaluator.descriptor) does not")
        }
    }

    /// The budget a front end's amount means: trials for a plain number; for a time, simulated seconds
    /// or real ones as `clock` says (`auto`: simulated when the evaluator charges simulated time).
    public static func budget(_ amount: Quantity, clock: String, evaluator: any Evaluator) throws -> Budget {
        guard amount.value > 0, amount.value.isFinite else { throw SearchRequestError.budget("the budget must be above 0") }
        switch amount.dimension {
        case .scalar:
            guard amount.value == amount.value.rounded(), amount.value <= 1e15 else {
                throw SearchRequestError.budget("a budget in trials is a whole number up to 10^15, got \(amount)")
            }
            return .trials(Int(amount.value))
        case .time:
            switch clock {
            case "simulated": return .simulated(amount.value)
            case "wall": return .wall(amount.value)
            case "auto": return evaluator.chargesSimulatedTime ? .simulated(amount.value) : .wall(amount.value)
            default: throw SearchRequestError.clock("clock must be \"simulated\", \"wall\" or \"auto\", not \"\(clock)\"")
            }
        case .bytes:
            throw SearchRequestError.budget("a budget is a number of trials (like 100) or a time (like 20000s or 10min), not a memory size (\(amount))")
        }
    }
}
