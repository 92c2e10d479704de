import NASSearch
import NASSpaces

/// Builds every strategy by name with test-sized settings, so suites can loop over all of them.
enum StrategyFactory {
    /// Strategies that propose at full fidelity and optimise one score.
    static let singleFidelity = ["random", "evolution", "tournament", "local", "reinforce", "ppo"]
    /// Every strategy with a factory entry.
    static let all = singleFidelity

    static func make(_ name: String, space: any SearchSpace, seed: UInt64) throws -> any SearchStrategy {
        switch name {
        case "random": return RandomSearch(space: space, seed: seed)
        case "evolution": return try RegularizedEvolution(space: space, populationSize: 10, sampleSize: 3, seed: seed)
        case "tournament": return try TournamentEvolution(space: space, populationSize: 10, sampleSize: 3, seed: seed)
        case "local": return LocalSearch(space: space, seed: seed)
        case "reinforce": return try Reinforce(space: space, learningRate: 0.003, seed: seed)
        case "ppo": return try PPO(space: space, learningRate: 0.003, seed: seed)
        default: throw StrategyError("no test factory for \(name)")
        }
    }
}
