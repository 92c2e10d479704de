
/// Learning-curve early stopping for a run's training trials (Domhan, Springenberg & Hutter, IJCAI 2015).
///
/// After `minEpochs` epochs of a trial, and after every epoch from then on, its partial
/// validation curve is extrapolated to the trial's full epochs with `LearningCurvePruner`; when
/// the probability that it ends above the run's incumbent (the best final accuracy so far among
/// trials trained fully at the same epochs) is below `threshold`, the trial stops there.
public struct EarlyStopping: Sendable, Hashable, CustomStringConvertible {
    /// Stop below this probability of beating the incumbent (the paper uses 5%).
    public var threshold: Double
    /// Epochs observed before the first decision (at least 3: the curve fit needs 3 points).
    public var minEpochs: Int

    /// Creates the setting, checking it as `LearningCurvePruner` would.
    public init(threshold: Double = 0.05, minEpochs: Int = 3) throws {
        guard threshold > 0, threshold < 1 else { throw StrategyError("the early-stopping threshold must lie in (0, 1), not \(threshold)") }
        guard minEpochs >= 3 else { throw StrategyError("early stopping needs at least 3 epochs before its first decision, not \(minEpochs)") }
        self.threshold = threshold
        self.minEpochs = minEpochs
    }

    /// The pruner for trials of `epochs` epochs, or nil when they are too short to stop early.
    public func pruner(epochs: Int) -> LearningCurvePruner? {
        try? LearningCurvePruner(maxEpochs: epochs, threshold: threshold, minEpochs: minEpochs)
    }

    /// A stable description; part of the cache key of the trials it watches.
    public var description: String { "curve-stop(p<\(threshold), after \(minEpochs))" }
}
