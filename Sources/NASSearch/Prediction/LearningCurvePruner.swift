/// Stops a training trial early when its extrapolated curve is unlikely to beat the incumbent (Domhan et al. 2015).
///
/// After at least `minEpochs` epochs, the partial validation curve is extrapolated to
/// `maxEpochs`; if the probability that the final value exceeds the best final value seen so
/// far is below `threshold` (the paper uses 5%), the trial should stop.
public struct LearningCurvePruner: Sendable, Hashable, Codable {
    /// What the pruner says about a partial curve.
    public enum Verdict: Sendable, Hashable, Codable {
        /// Keep training; the probability of beating the incumbent, when it was computed.
        case proceed(probability: Double?)
        /// Stop training: the probability of beating the incumbent is below the threshold.
        case stop(probability: Double)
    }

    /// The epoch the trial would train to.
    public var maxEpochs: Int
    /// Stop below this probability of beating the incumbent.
    public var threshold: Double
    /// Epochs observed before the first decision.
    public var minEpochs: Int
    /// The curve model.
    public var extrapolator: LearningCurveExtrapolator

    /// Creates a pruner.
    public init(maxEpochs: Int, threshold: Double = 0.05, minEpochs: Int = 3,
                extrapolator: LearningCurveExtrapolator = LearningCurveExtrapolator()) throws {
        guard minEpochs >= 3, minEpochs < maxEpochs else {
            throw StrategyError("the curve pruner needs 3 ≤ min epochs < max epochs; got \(minEpochs) and \(maxEpochs)")
        }
        guard threshold > 0, threshold < 1 else { throw StrategyError("the pruning threshold must lie in (0, 1), not \(threshold)") }
        self.maxEpochs = maxEpochs
        self.threshold = threshold
        self.minEpochs = minEpochs
        self.extrapolator = extrapolator
    }

    /// The verdict for a partial curve against the incumbent's final value (`nil`: no incumbent yet).
    public func verdict(curve: [Double], incumbent: Double?) -> Verdict {
        guard let incumbent, curve.count >= minEpochs, curve.count < maxEpochs,
              let prediction = try? extrapolator.predict(curve, at: maxEpochs) else {
            return .proceed(probability: nil)
        }
        let p = prediction.probability(exceeding: incumbent)
        return p < threshold ? .stop(probability: p) : .proceed(probability: p)
    }
}
