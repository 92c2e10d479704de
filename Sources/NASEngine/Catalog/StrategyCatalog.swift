import NASCore
import NASSearch
import NASSpaces

/// The engine's list of search strategies: each one built by name and settings for a space and a seed.
///
/// Front ends never construct strategies themselves: the language's strategy builtins are
/// generated from `entries`, keep a name and settings, and call `make` when a run starts (and
/// again with the same settings when it resumes, before the checkpoint is restored).
public enum StrategyCatalog {
    /// Every strategy, in the order help lists them.
    public static let entries: [StrategyEntry] = [random, grid, evolution, tournament, reinforce, ppo, localSearch]

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
    public static func make(_ name: String, settings given: [String: Double], space: any SearchSpace,
                            seed: UInt64) throws -> any SearchStrategy {
        let entry = try requireEntry(name)
        return try entry.build(space, try settings(name, given: given), seed)
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
        paper: "Li & Talwalkar, Random Search and Reproducibility for NAS, UAI 2019") { space, _, seed in
        RandomSearch(space: space, seed: seed)
    }

    static let grid = StrategyEntry(
        "grid", summary: "grid search: every architecture of an enumerable space once",
        help: "Proposes every member of the space once, in the space's enumeration order, and then finishes (the run ends before its budget if the grid runs out). Only for spaces small enough to enumerate (at most `limit` members).",
        parameters: [StrategyParameter("limit", 1_000_000, help: "the largest space it accepts (architectures)")]) { space, s, _ in
        try GridSearch(space: space, limit: Int(s["limit"]!))
    }

    static let evolution = StrategyEntry(
        "evolution", summary: "regularised (aging) evolution",
        help: "Keeps a population of the most recent `population` architectures. Each step draws `sample` of them at random, mutates the best of that sample into a child, adds the child and removes the OLDEST member (aging), so good architectures must keep being rediscovered. The first `population` proposals are random samples.",
        paper: "Real et al., Regularized Evolution for Image Classifier Architecture Search, AAAI 2019",
        parameters: [StrategyParameter("population", 10, help: "how many architectures the population holds"),
                     StrategyParameter("sample", 3, help: "how many members each tournament draws")]) { space, s, seed in
        try RegularizedEvolution(space: space, populationSize: Int(s["population"]!), sampleSize: Int(s["sample"]!), seed: seed)
    }

    static let tournament = StrategyEntry(
        "tournament", summary: "plain tournament evolution (the worst member dies)",
        help: "Like evolution, but each step removes the WORST member of the population instead of the oldest: the non-aging tournament selection that regularised evolution is compared with.",
        paper: "Real et al., Regularized Evolution for Image Classifier Architecture Search, AAAI 2019 (the non-aging baseline); Goldberg & Deb 1991",
        parameters: [StrategyParameter("population", 10, help: "how many architectures the population holds"),
                     StrategyParameter("sample", 3, help: "how many members each tournament draws")]) { space, s, seed in
        try TournamentEvolution(space: space, populationSize: Int(s["population"]!), sampleSize: Int(s["sample"]!), seed: seed)
    }

    static let reinforce = StrategyEntry(
        "reinforce", summary: "REINFORCE with an LSTM controller",
        help: "An LSTM controller samples the architecture one decision (token) at a time; after each result, a REINFORCE step with a moving-average baseline and an entropy bonus makes high-scoring token sequences more likely.",
        paper: "Zoph & Le, Neural Architecture Search with Reinforcement Learning, ICLR 2017",
        parameters: [StrategyParameter("lr", 0.003, integer: false, minimum: 1e-9, help: "Adam learning rate of the controller"),
                     StrategyParameter("baseline_decay", 0.9, integer: false, minimum: 0, help: "decay of the moving-average baseline, in [0, 1)"),
                     StrategyParameter("entropy", 1e-4, integer: false, minimum: 0, help: "weight of the entropy bonus"),
                     StrategyParameter("hidden", 32, help: "LSTM hidden size")]) { space, s, seed in
        try Reinforce(space: space, learningRate: s["lr"]!, baselineDecay: s["baseline_decay"]!, entropyWeight: s["entropy"]!,
                      hiddenSize: Int(s["hidden"]!), seed: seed)
    }

    static let ppo = StrategyEntry(
        "ppo", summary: "PPO with an LSTM controller",
        help: "The same token-by-token LSTM controller as reinforce, trained with proximal policy optimisation: results are gathered in batches and each batch drives several Adam steps on the clipped surrogate objective.",
        paper: "Schulman et al., Proximal Policy Optimization Algorithms, 2017; Zoph et al., Learning Transferable Architectures, CVPR 2018",
        parameters: [StrategyParameter("lr", 0.003, integer: false, minimum: 1e-9, help: "Adam learning rate of the controller"),
                     StrategyParameter("batch", 5, help: "results per policy update"),
                     StrategyParameter("epochs", 4, help: "Adam steps per batch"),
                     StrategyParameter("clip", 0.2, integer: false, minimum: 1e-9, help: "the clipping range ε"),
                     StrategyParameter("entropy", 1e-4, integer: false, minimum: 0, help: "weight of the entropy bonus")]) { space, s, seed in
        try PPO(space: space, learningRate: s["lr"]!, batchSize: Int(s["batch"]!), epochs: Int(s["epochs"]!), clip: s["clip"]!,
                entropyWeight: s["entropy"]!, seed: seed)
    }

    static let localSearch = StrategyEntry(
        "local_search", summary: "local search: hill climbing over neighbours",
        help: "Starts from a random architecture and evaluates its neighbours (architectures one decision away); moves to the first better one, and restarts from a new random architecture at a local optimum.",
        paper: "White et al., Local Search is State of the Art for Neural Architecture Search Benchmarks, 2020") { space, _, seed in
        LocalSearch(space: space, seed: seed)
    }
}
