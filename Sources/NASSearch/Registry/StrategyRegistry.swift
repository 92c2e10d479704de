import NASCore
import NASSpaces

/// Every search strategy naslab offers, one entry each: the one list the language, the engine and the tests read.
///
/// Adding a strategy is its own file (the class and its `entry`) plus one line in `entries`.
/// The builtin of the same name, its help page, keyword completion, the checking of its settings,
/// rebuilding a stored run's strategy, and the test suites' list of strategies all derive from here.
public enum StrategyRegistry {
    /// Every strategy, in the order help lists them.
    public static let entries: [StrategyEntry] = [
        RandomSearch.entry, GridSearch.entry, RegularizedEvolution.entry, TournamentEvolution.entry, Reinforce.entry,
        PPO.entry, QLearning.entry, LocalSearch.entry, BANANAS.entry, TPE.entry, SuccessiveHalving.entry, Hyperband.entry,
        BOHB.entry, NSGA2.entry, DARTS.entry, SNAS.entry, GDAS.entry, ProxylessNAS.entry, ENAS.entry, SinglePathOneShot.entry,
        OnceForAll.entry,
    ]

    /// The names, in order.
    public static var names: [String] { entries.map(\.name) }

    /// The names of the black-box strategies (every strategy that is not a one-shot method), in order.
    public static var blackBoxNames: [String] { entries.filter { !$0.isOneShot }.map(\.name) }

    /// The names of the one-shot methods, in order.
    public static var oneShotNames: [String] { entries.filter(\.isOneShot).map(\.name) }

    /// The entry with this name or alias (any case), or nil.
    public static func entry(_ name: String) -> StrategyEntry? {
        let key = name.lowercased()
        return entries.first { $0.name == key || $0.aliases.contains(key) }
    }

    /// The entry with this name or alias, or an error with the closest known name.
    public static func require(_ name: String) throws -> StrategyEntry {
        guard let found = entry(name) else {
            throw StrategyError("unknown strategy '\(name)'\(Spelling.didYouMean(name, among: names + entries.flatMap(\.aliases))) "
                + "(the strategies: \(names.joined(separator: ", ")))")
        }
        return found
    }

    /// Every setting of a strategy: the given ones, checked, and the defaults for the rest.
    public static func settings(_ name: String, given: [String: Double]) throws -> [String: Double] {
        try require(name).complete(given)
    }

    /// A fresh strategy of this name with these settings (defaults filled in) for a space and a seed.
    ///
    /// A multi-fidelity strategy whose `max_epochs` is 0 (its default) trains up to `maxEpochs`, the
    /// evaluator's largest fidelity; a multi-objective strategy gets `objectives`.
    public static func make(_ name: String, settings given: [String: Double] = [:], space: any SearchSpace, seed: UInt64,
                            maxEpochs: Int? = nil, objectives: [Objective] = [], evaluator: (any Evaluator)? = nil) throws -> any SearchStrategy {
        let entry = try require(name)
        let context = StrategyContext(space: space, seed: seed, settings: try entry.complete(given), maxEpochs: maxEpochs,
                                      evaluator: evaluator, objectives: objectives, strategy: entry.name)
        return try entry.factory(context)
    }

    /// Rebuilds a strategy from the name and settings it reported (as a store keeps them), ready for
    /// `restore(from:)`: the settings the entry knows are read back as numbers, with the seed; the
    /// descriptive entries a strategy also reports (`encoding`, `schedule`, …) are skipped, since the
    /// checkpoint carries what they describe.
    public static func rebuild(_ name: String, stored: [String: String], space: any SearchSpace, maxEpochs: Int? = nil,
                               objectives: [Objective] = [], evaluator: (any Evaluator)? = nil) throws -> any SearchStrategy {
        let entry = try require(name)
        let known = Set(entry.parameters.map(\.name))
        var numeric: [String: Double] = [:]
        for (key, text) in stored where known.contains(key) {
            guard let number = Double(text) else { throw StrategyError("the stored setting \(key)=\(text) of \(name) is not a number") }
            numeric[key] = number
        }
        let seed = stored["seed"].flatMap { UInt64($0) } ?? 0
        return try make(entry.name, settings: numeric, space: space, seed: seed, maxEpochs: maxEpochs, objectives: objectives,
                        evaluator: evaluator)
    }
}
