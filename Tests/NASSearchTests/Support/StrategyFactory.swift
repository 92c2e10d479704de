import NASSearch
import NASSpaces

/// Builds every strategy by name with test-sized settings, so suites can loop over all of them.
enum StrategyFactory {
    /// Strategies that propose at full fidelity and optimise one score.
    static let singleFidelity = ["random", "evolution", "tournament", "local", "reinforce", "ppo",
                                 "qlearning", "tpe", "bananas"]
    /// Strategies that vary the epochs (`Fidelity(epochs:)`) over the evaluator's 27.
    static let multiFidelity = ["successive_halving", "hyperband", "bohb"]
    /// Every strategy with a factory entry.
    static let all = singleFidelity + multiFidelity + ["nsga2", "grid"]

    /// Proposals per ask: BANANAS retrains its ensemble on every ask, so it is asked in batches (as in the paper).
    static func batchSize(_ name: String) -> Int { name == "bananas" ? 10 : 1 }

    static func make(_ name: String, space: any SearchSpace, seed: UInt64) throws -> any SearchStrategy {
        switch name {
        case "random": return RandomSearch(space: space, seed: seed)
        case "evolution": return try RegularizedEvolution(space: space, populationSize: 10, sampleSize: 3, seed: seed)
        case "tournament": return try TournamentEvolution(space: space, populationSize: 10, sampleSize: 3, seed: seed)
        case "local": return LocalSearch(space: space, seed: seed)
        case "reinforce": return try Reinforce(space: space, hiddenSize: 16, embeddingSize: 8, seed: seed)
        case "ppo": return try PPO(space: space, hiddenSize: 16, embeddingSize: 8, seed: seed)
        case "qlearning":
            return try QLearning(space: space, schedule: QLearning.defaultSchedule(total: 60), initialQ: 0.9, seed: seed)
        case "tpe": return try TPE(space: space, seed: seed)
        case "bananas":
            var settings = BANANAS.Settings()
            settings.ensembleSize = 3
            settings.hidden = [16]
            settings.epochs = 20
            return try BANANAS(space: space, settings: settings, seed: seed)
        case "successive_halving": return try SuccessiveHalving(space: space, maxEpochs: 27, seed: seed)
        case "hyperband": return try Hyperband(space: space, maxEpochs: 27, seed: seed)
        case "bohb": return try BOHB(space: space, maxEpochs: 27, seed: seed)
        case "nsga2":
            return try NSGA2(space: space, objectives: [.maximize("accuracy"), .minimize("latency")], populationSize: 8, seed: seed)
        case "grid": return try GridSearch(space: space)
        default:
            // A strategy without test-sized settings here runs with the registry's defaults.
            return try StrategyRegistry.make(name, space: space, seed: seed, maxEpochs: 27,
                                             objectives: [.maximize("accuracy"), .minimize("latency")])
        }
    }
}
