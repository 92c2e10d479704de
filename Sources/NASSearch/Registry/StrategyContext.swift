import NASSpaces

/// What a strategy's factory gets: the space, the seed, complete checked settings, and what the run knows.
public struct StrategyContext {
    /// The space searched.
    public var space: any SearchSpace
    /// The run's seed.
    public var seed: UInt64
    /// Every setting of the entry, checked, defaults filled in.
    public var settings: [String: Double]
    /// The evaluator's largest fidelity, for multi-fidelity strategies whose `max_epochs` is 0.
    public var maxEpochs: Int?
    /// The run's evaluator: one-shot methods take their data and training recipe from a `train(...)` evaluator.
    public var evaluator: (any Evaluator)?
    /// The objectives of a multi-objective strategy.
    public var objectives: [Objective]
    /// The strategy's name, for errors.
    var strategy: String

    /// A setting as a whole number (the entry has checked it is one).
    public func int(_ name: String) -> Int { Int(settings[name] ?? 0) }

    /// A setting.
    public func double(_ name: String) -> Double { settings[name] ?? 0 }

    /// `max_epochs`, or the evaluator's largest fidelity when it is 0 (the default).
    public func topEpochs() throws -> Int {
        let given = int("max_epochs")
        if given > 0 { return given }
        guard let maxEpochs else {
            throw StrategyError("\(strategy) varies the epochs: give max_epochs, or use an evaluator that has epochs "
                + "(a training evaluator or a table with several fidelities)")
        }
        return maxEpochs
    }
}
