import NASSpaces

/// Builds any strategy by name from plain settings, for the engine and the language
/// (`evolution(population: 20, sample: 5)`), with errors that name the wrong setting.
///
/// Settings are numbers keyed by the names shown in `options(for:)`; a missing one takes the
/// strategy's default. `nsga2` also needs its objectives. Names are lower case; a few aliases
/// (`rea`, `sh`, `hb`, `rl`, `q`) are accepted.
public enum StrategyCatalog {
    /// Every strategy name, in the order help pages list them.
    public static let names = ["random", "grid", "evolution", "tournament", "local", "reinforce", "ppo", "qlearning",
                               "tpe", "bananas", "successive_halving", "hyperband", "bohb", "nsga2"]

    private static let aliases = ["rea": "evolution", "regularized_evolution": "evolution", "sh": "successive_halving",
                                  "hb": "hyperband", "rl": "reinforce", "q": "qlearning", "metaqnn": "qlearning",
                                  "local_search": "local", "random_search": "random", "grid_search": "grid"]

    /// The settings each strategy accepts.
    public static func options(for name: String) -> [String] {
        switch name {
        case "evolution": return ["population", "sample", "screening"]
        case "tournament": return ["population", "sample"]
        case "reinforce": return ["lr", "baseline_decay", "entropy", "hidden"]
        case "ppo": return ["lr", "batch", "epochs", "clip", "baseline_decay", "entropy", "hidden"]
        case "qlearning": return ["alpha", "replay", "initial_q", "explore_trials"]
        case "tpe": return ["gamma", "startup", "candidates"]
        case "bananas": return ["startup", "ensemble", "epochs", "parents", "mutations"]
        case "successive_halving", "hyperband": return ["max_epochs", "eta", "min_epochs"]
        case "bohb": return ["max_epochs", "eta", "min_epochs", "gamma", "random_fraction", "candidates"]
        case "nsga2": return ["population", "crossover"]
        case "grid": return ["limit"]
        default: return []
        }
    }

    /// A strategy over `space` from its name and settings.
    public static func make(_ name: String, space: any SearchSpace, settings: [String: Double] = [:],
                            objectives: [Objective] = [], maxEpochs: Int? = nil, seed: UInt64) throws -> any SearchStrategy {
        let key = aliases[name.lowercased()] ?? name.lowercased()
        guard names.contains(key) else {
            throw StrategyError("there is no strategy '\(name)'; the strategies are \(names.joined(separator: ", "))"
                + suggestion(for: key))
        }
        let allowed = options(for: key)
        if let bad = settings.keys.sorted().first(where: { !allowed.contains($0) }) {
            let list = allowed.isEmpty ? "it takes no settings" : "it takes \(allowed.joined(separator: ", "))"
            throw StrategyError("\(key) has no setting '\(bad)'; \(list)")
        }
        let s = Settings(values: settings, strategy: key)
        return try build(key, space: space, s, objectives: objectives, maxEpochs: maxEpochs, seed: seed)
    }

    private static func build(_ key: String, space: any SearchSpace, _ s: Settings, objectives: [Objective],
                              maxEpochs: Int?, seed: UInt64) throws -> any SearchStrategy {
        switch key {
        case "random": return RandomSearch(space: space, seed: seed)
        case "grid": return try GridSearch(space: space, limit: try s.int("limit", 1_000_000))
        case "evolution":
            return try RegularizedEvolution(space: space, populationSize: try s.int("population", 10),
                                            sampleSize: try s.int("sample", 3), screening: try s.int("screening", 1), seed: seed)
        case "tournament":
            return try TournamentEvolution(space: space, populationSize: try s.int("population", 10),
                                           sampleSize: try s.int("sample", 3), seed: seed)
        case "local": return LocalSearch(space: space, seed: seed)
        case "reinforce":
            return try Reinforce(space: space, learningRate: s.double("lr", 0.003), baselineDecay: s.double("baseline_decay", 0.9),
                                 entropyWeight: s.double("entropy", 1e-4), hiddenSize: try s.int("hidden", 32), seed: seed)
        case "ppo":
            return try PPO(space: space, learningRate: s.double("lr", 0.003), batchSize: try s.int("batch", 5),
                           epochs: try s.int("epochs", 4), clip: s.double("clip", 0.2),
                           baselineDecay: s.double("baseline_decay", 0.9), entropyWeight: s.double("entropy", 1e-4),
                           hiddenSize: try s.int("hidden", 32), seed: seed)
        case "qlearning":
            return try QLearning(space: space, schedule: QLearning.defaultSchedule(total: try s.int("explore_trials", 200)),
                                 learningRate: s.double("alpha", 0.3), replaySize: try s.int("replay", 20),
                                 initialQ: s.double("initial_q", 0.5), seed: seed)
        case "tpe":
            return try TPE(space: space, gamma: s.double("gamma", 0.25), startupTrials: try s.int("startup", 10),
                           candidates: try s.int("candidates", 24), seed: seed)
        case "bananas":
            var b = BANANAS.Settings()
            b.startupTrials = try s.int("startup", b.startupTrials)
            b.ensembleSize = try s.int("ensemble", b.ensembleSize)
            b.epochs = try s.int("epochs", b.epochs)
            b.parents = try s.int("parents", b.parents)
            b.mutationsPerParent = try s.int("mutations", b.mutationsPerParent)
            return try BANANAS(space: space, settings: b, seed: seed)
        case "successive_halving", "hyperband", "bohb":
            guard let top = try s.optionalInt("max_epochs") ?? maxEpochs else {
                throw StrategyError("\(key) varies the epochs: give max_epochs, or use an evaluator that has epochs")
            }
            let eta = try s.int("eta", 3), low = try s.int("min_epochs", 1)
            if key == "successive_halving" { return try SuccessiveHalving(space: space, maxEpochs: top, eta: eta, minEpochs: low, seed: seed) }
            if key == "hyperband" { return try Hyperband(space: space, maxEpochs: top, eta: eta, minEpochs: low, seed: seed) }
            return try BOHB(space: space, maxEpochs: top, eta: eta, minEpochs: low, gamma: s.double("gamma", 0.15),
                            randomFraction: s.double("random_fraction", 1.0 / 3.0), candidates: try s.int("candidates", 64), seed: seed)
        default:
            return try NSGA2(space: space, objectives: objectives, populationSize: try s.int("population", 20),
                             crossoverRate: s.double("crossover", 0.5), seed: seed)
        }
    }

    /// Rebuilds a strategy from the name and `settings` it reported (as a store keeps them), ready
    /// for `restore(from:)`: numeric settings the catalog knows are passed on, the seed is read
    /// back, and descriptive entries (`encoding`, `size`, `schedule`, `objectives`) are skipped,
    /// since the checkpoint carries what they describe.
    public static func rebuild(_ name: String, space: any SearchSpace, settings: [String: String],
                               objectives: [Objective] = [], maxEpochs: Int? = nil) throws -> any SearchStrategy {
        let key = aliases[name.lowercased()] ?? name.lowercased()
        let allowed = Set(options(for: key))
        var numeric: [String: Double] = [:]
        for (k, v) in settings where allowed.contains(k) {
            guard let number = Double(v) else {
                throw StrategyError("the stored setting \(k)=\(v) of \(key) is not a number")
            }
            numeric[k] = number
        }
        let seed = settings["seed"].flatMap { UInt64($0) } ?? 0
        return try make(key, space: space, settings: numeric, objectives: objectives, maxEpochs: maxEpochs, seed: seed)
    }

    /// ", did you mean 'x'?" for the closest name within two edits, else "".
    private static func suggestion(for key: String) -> String {
        let scored = (names + aliases.keys).map { ($0, editDistance(key, $0)) }.min { $0.1 < $1.1 }
        guard let (name, d) = scored, d <= 2 else { return "" }
        return "; did you mean '\(aliases[name] ?? name)'?"
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }

    /// Typed access to the numeric settings, with errors that name the setting.
    private struct Settings {
        var values: [String: Double]
        var strategy: String

        func double(_ key: String, _ fallback: Double) -> Double { values[key] ?? fallback }

        func int(_ key: String, _ fallback: Int) throws -> Int { try optionalInt(key) ?? fallback }

        func optionalInt(_ key: String) throws -> Int? {
            guard let v = values[key] else { return nil }
            guard v.isFinite, v == v.rounded(), abs(v) < 1e9 else {
                throw StrategyError("\(strategy)'s setting '\(key)' must be a whole number, not \(v)")
            }
            return Int(v)
        }
    }
}
