import NASCore
import NASSearch
import NASSpaces

/// The engine's list of search strategies, as front ends show them: names, help, papers and
/// settings with their defaults; each is built by `NASSearch.StrategyCatalog` for a space and seed.
///
/// Front ends never construct strategies themselves: the language's strategy builtins are
/// generated from `entries`, keep a name and complete settings, and call `make` when a run
/// starts (and again with the same settings when it resumes, before the checkpoint is restored).
public enum StrategyCatalog {
    /// Every strategy, in the order help lists them.
    public static let entries: [StrategyEntry] = [random, grid, evolution, tournament, reinforce, ppo, qlearning, localSearch,
                                                  bananas, tpe, successiveHalving, hyperband, bohb, nsga2]

    /// The names, in order.
    public static var names: [String] { entries.map(\.name) }

    /// The entry with this name, or nil.
    public static func entry(_ name: String) -> StrategyEntry? { entries.first { $0.name == name } }

    /// The entry with this name, or an error with the closest known name.
    public static func requireEntry(_ name: String) throws -> StrategyEntry {
        guard let found = entry(name) else {
            throw StrategyError("unknown strategy '\(name)'\(Spelling.didYouMean(name, among: names)) (the strategies: \(names.joined(separator: ", ")))")
        }
        return found
    }

    /// Every setting of a strategy: the given ones, checked, and the defaults for the rest.
    public static func settings(_ name: String, given: [String: Double]) throws -> [String: Double] {
        let entry = try requireEntry(name)
        let known = entry.parameters.map(\.name)
        for key in given.keys.sorted() where !known.contains(key) {
            let list = known.isEmpty ? "it has no settings" : "its settings: " + known.joined(separator: ", ")
            throw StrategyError("\(name) has no setting '\(key)'\(Spelling.didYouMean(key, among: known)) (\(list))")
        }
        var complete: [String: Double] = [:]
        for parameter in entry.parameters {
            let value = given[parameter.name] ?? parameter.defaultValue
            try check(value, parameter, strategy: name)
            complete[parameter.name] = value
        }
        return complete
    }

    /// A fresh strategy of this name with these settings (defaults filled in) for a space and a seed.
    ///
    /// A multi-fidelity strategy whose `max_epochs` is 0 (its default) trains up to `maxEpochs`,
    /// the evaluator's largest fidelity.
    /// A multi-objective strategy gets `objectives` (at least two).
    public static func make(_ name: String, settings given: [String: Double], space: any SearchSpace,
                            seed: UInt64, maxEpochs: Int? = nil, objectives: [Objective] = []) throws -> any SearchStrategy {
        let entry = try requireEntry(name)
        var complete = try settings(name, given: given)
        if complete["max_epochs"] == 0 {
            guard maxEpochs != nil else {
                throw StrategyError("\(name) needs an evaluator with epochs (a training evaluator or a table with several fidelities), or max_epochs:")
            }
            complete["max_epochs"] = nil
        }
        if name == "nsga2", objectives.count < 2 {
            throw StrategyError("nsga2 needs two or more objectives: launch it with objective: [maximize(\"accuracy\"), minimize(\"latency\")]")
        }
        return try NASSearch.StrategyCatalog.make(entry.searchName, space: space, settings: complete, objectives: objectives,
                                                  maxEpochs: maxEpochs, seed: seed)
    }

    /// Whether the strategy asks for lower fidelities (epochs) itself.
    public static func isMultiFidelity(_ name: String) -> Bool {
        entry(name)?.parameters.contains { $0.name == "max_epochs" } ?? false
    }

    private static func check(_ value: Double, _ parameter: StrategyParameter, strategy: String) throws {
        guard value.isFinite, value >= parameter.minimum else {
            throw StrategyError("\(strategy)'s \(parameter.name) must be at least \(plain(parameter.minimum)), got \(plain(value))")
        }
        if parameter.isInteger, value != value.rounded() {
            throw StrategyError("\(strategy)'s \(parameter.name) must be a whole number, got \(plain(value))")
        }
    }

    /// A number without a trailing `.0`.
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    // MARK: - Entries

    static let random = StrategyEntry(
        "random", summary: "random search: uniform samples of the space",
        help: "Proposes architectures drawn uniformly at random from the space, independently of the results. The baseline every other strategy must beat; surprisingly strong on small, well-designed spaces.",
        paper: "Li & Talwalkar, Random Search and Reproducibility for NAS, UAI 2019")

    static let grid = StrategyEntry(
        "grid", summary: "grid search: every architecture of an enumerable space once",
        help: "Proposes every member of the space once, in the space's enumeration order, and then finishes (the run ends before its budget if the grid runs out). Only for spaces small enough to enumerate (at most `limit` members).",
        paper: "Bergstra & Bengio, Random Search for Hyper-Parameter Optimization, JMLR 2012 (grid vs random search)",
        parameters: [StrategyParameter("limit", 1_000_000, help: "the largest space it accepts (architectures)")])

    static let evolution = StrategyEntry(
        "evolution", summary: "regularised (aging) evolution",
        help: "Keeps a population of the most recent `population` architectures. Each step draws `sample` of them at random, mutates the best of that sample into a child, adds the child and removes the OLDEST member (aging), so good architectures must keep being rediscovered. The first `population` proposals are random samples.",
        paper: "Real et al., Regularized Evolution for Image Classifier Architecture Search, AAAI 2019",
        parameters: [StrategyParameter("population", 10, help: "how many architectures the population holds"),
                     StrategyParameter("sample", 3, help: "how many members each tournament draws"),
                     StrategyParameter("screening", 1, help: "mutants per child, the best chosen by a surrogate predictor (1: plain regularised evolution)")])

    static let tournament = StrategyEntry(
        "tournament", summary: "plain tournament evolution (the worst member dies)",
        help: "Like evolution, but each step removes the WORST member of the population instead of the oldest: the non-aging tournament selection that regularised evolution is compared with.",
        paper: "Real et al., Regularized Evolution for Image Classifier Architecture Search, AAAI 2019 (the non-aging baseline); Goldberg & Deb 1991",
        parameters: [StrategyParameter("population", 10, help: "how many architectures the population holds"),
                     StrategyParameter("sample", 3, help: "how many members each tournament draws")])

    static let reinforce = StrategyEntry(
        "reinforce", summary: "REINFORCE with an LSTM controller",
        help: "An LSTM controller samples the architecture one decision (token) at a time; after each result, a REINFORCE step with a moving-average baseline and an entropy bonus makes high-scoring token sequences more likely.",
        paper: "Zoph & Le, Neural Architecture Search with Reinforcement Learning, ICLR 2017",
        parameters: [StrategyParameter("lr", 0.003, integer: false, minimum: 1e-9, help: "Adam learning rate of the controller"),
                     StrategyParameter("baseline_decay", 0.9, integer: false, minimum: 0, help: "decay of the moving-average baseline, in [0, 1)"),
                     StrategyParameter("entropy", 1e-4, integer: false, minimum: 0, help: "weight of the entropy bonus"),
                     StrategyParameter("hidden", 32, help: "LSTM hidden size")])

    static let ppo = StrategyEntry(
        "ppo", summary: "PPO with an LSTM controller",
        help: "The same token-by-token LSTM controller as reinforce, trained with proximal policy optimisation: results are gathered in batches and each batch drives several Adam steps on the clipped surrogate objective.",
        paper: "Schulman et al., Proximal Policy Optimization Algorithms, 2017; Zoph et al., Learning Transferable Architectures, CVPR 2018",
        parameters: [StrategyParameter("lr", 0.003, integer: false, minimum: 1e-9, help: "Adam learning rate of the controller"),
                     StrategyParameter("batch", 5, help: "results per policy update"),
                     StrategyParameter("epochs", 4, help: "Adam steps per batch"),
                     StrategyParameter("clip", 0.2, integer: false, minimum: 1e-9, help: "the clipping range ε"),
                     StrategyParameter("baseline_decay", 0.9, integer: false, minimum: 0, help: "decay of the moving-average baseline, in [0, 1)"),
                     StrategyParameter("entropy", 1e-4, integer: false, minimum: 0, help: "weight of the entropy bonus"),
                     StrategyParameter("hidden", 32, help: "LSTM hidden size")])

    static let localSearch = StrategyEntry(
        "local_search", searchName: "local", summary: "local search: hill climbing over neighbours",
        help: "Starts from a random architecture and evaluates its neighbours (architectures one decision away); moves to the first better one, and restarts from a new random architecture at a local optimum.",
        paper: "White et al., Local Search is State of the Art for Neural Architecture Search Benchmarks, 2020")

    static let qlearning = StrategyEntry(
        "qlearning", summary: "Q-learning over layer choices (MetaQNN)",
        help: "Treats the space's decisions as a chain of states and learns Q-values for each choice with an ε-greedy schedule (half the trials fully random, then ε = 0.9 … 0.1) and experience replay of earlier architectures, rewarded only with the finished architecture's score.",
        paper: "Baker et al., Designing Neural Network Architectures using Reinforcement Learning (MetaQNN), ICLR 2017",
        parameters: [StrategyParameter("alpha", 0.3, integer: false, minimum: 1e-9, help: "the Q-learning rate α"),
                     StrategyParameter("replay", 20, help: "architectures replayed after each result"),
                     StrategyParameter("explore_trials", 200, help: "trials the ε schedule spans (half of them fully random)"),
                     StrategyParameter("initial_q", 0.5, integer: false, minimum: -1e9, help: "the optimistic starting Q-value")])

    static let bananas = StrategyEntry(
        "bananas", summary: "BANANAS: Bayesian optimisation with a neural-network ensemble",
        help: "After `startup` random architectures, trains an ensemble of small MLPs on the path encoding of everything seen, builds candidates by mutating the best architectures so far, scores them by independent Thompson sampling from the ensemble's mean and spread, and proposes the best unseen candidate.",
        paper: "White et al., BANANAS: Bayesian Optimization with Neural Architectures for Neural Architecture Search, AAAI 2021",
        parameters: [StrategyParameter("startup", 10, minimum: 2, help: "random architectures before the model is used"),
                     StrategyParameter("ensemble", 5, minimum: 2, help: "networks in the ensemble"),
                     StrategyParameter("epochs", 100, help: "training passes of each network per proposal"),
                     StrategyParameter("parents", 10, help: "best architectures mutated into candidates"),
                     StrategyParameter("mutations", 10, help: "mutations per parent")])

    static let tpe = StrategyEntry(
        "tpe", summary: "TPE: the tree-structured Parzen estimator",
        help: "After `startup` random architectures, splits the results into the best `gamma` fraction and the rest, models each decision's options under both groups, and proposes the best of `candidates` draws by the ratio of the two densities, l(x)/g(x).",
        paper: "Bergstra et al., Algorithms for Hyper-Parameter Optimization, NeurIPS 2011",
        parameters: [StrategyParameter("gamma", 0.25, integer: false, minimum: 1e-9, help: "the fraction counted as good, in (0, 1)"),
                     StrategyParameter("startup", 10, minimum: 2, help: "random architectures before the model is used"),
                     StrategyParameter("candidates", 24, help: "draws scored per proposal")])

    /// The settings every multi-fidelity strategy shares: the epoch ladder.
    static let ladder = [
        StrategyParameter("max_epochs", 0, minimum: 0, help: "the largest fidelity R in epochs (0: the evaluator's maximum)"),
        StrategyParameter("eta", 3, minimum: 2, help: "the reduction factor η: each rung keeps 1/η at η times the epochs"),
        StrategyParameter("min_epochs", 1, help: "the smallest fidelity r in epochs"),
    ]

    static let successiveHalving = StrategyEntry(
        "successive_halving", summary: "successive halving over epochs",
        help: "Each round trains many random architectures for few epochs, keeps the best 1/eta and trains them eta times longer, and so on up to max_epochs; then starts a new round. Trials carry their epochs (the trials table's epochs column).",
        paper: "Jamieson & Talwalkar, Non-stochastic Best Arm Identification and Hyperparameter Optimization, AISTATS 2016",
        parameters: ladder)

    static let hyperband = StrategyEntry(
        "hyperband", summary: "Hyperband: successive halving over every bracket",
        help: "Runs successive halving in every bracket of the epoch ladder in turn, from the most aggressive (many architectures at few epochs) to plain full training of a few, then repeats; new architectures are random samples.",
        paper: "Li et al., Hyperband: A Novel Bandit-Based Approach to Hyperparameter Optimization, JMLR 2018",
        parameters: ladder)

    static let bohb = StrategyEntry(
        "bohb", summary: "BOHB: Hyperband with a TPE model choosing new architectures",
        help: "Hyperband's brackets, but new architectures come from a TPE-style model fitted on the largest fidelity with enough results (a random_fraction stays uniformly random to keep exploring).",
        paper: "Falkner et al., BOHB: Robust and Efficient Hyperparameter Optimization at Scale, ICML 2018",
        parameters: ladder + [StrategyParameter("gamma", 0.15, integer: false, minimum: 1e-9, help: "the fraction counted as good"),
                              StrategyParameter("random_fraction", 1.0 / 3.0, integer: false, minimum: 0, help: "the share of random architectures"),
                              StrategyParameter("candidates", 64, help: "draws scored per proposal")])

    static let nsga2 = StrategyEntry(
        "nsga2", summary: "NSGA-II: multi-objective evolution towards a Pareto front",
        help: "Evolves a population by binary tournaments (lower non-domination rank wins, then larger crowding distance), uniform crossover and mutation, keeping the best of parents and children by non-dominated sorting and crowding distance. Needs two or more objectives: launch it with objective: [maximize(\"accuracy\"), minimize(\"latency\")]; the run's trials then trace the Pareto front (see pareto()).",
        paper: "Deb et al., A Fast and Elitist Multiobjective Genetic Algorithm: NSGA-II, IEEE TEC 2002",
        parameters: [StrategyParameter("population", 20, minimum: 4, help: "how many architectures the population holds"),
                     StrategyParameter("crossover", 0.5, integer: false, minimum: 0, help: "the probability of crossover, in [0, 1]")])
}
