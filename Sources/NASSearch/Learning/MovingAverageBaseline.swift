/// An exponential moving average of rewards, the variance-reducing baseline of REINFORCE.
public struct MovingAverageBaseline: Sendable, Hashable, Codable {
    /// How much of the old value survives each update (0.9 in Zoph & Le).
    public var decay: Double
    /// The current average; `nil` before the first reward.
    public private(set) var value: Double?

    /// Creates a baseline.
    public init(decay: Double = 0.9) { self.decay = decay }

    /// The advantage of `reward` over the baseline, then folds the reward in.
    public mutating func advantage(of reward: Double) -> Double {
        let base = value ?? reward
        value = decay * base + (1 - decay) * reward
        return reward - base
    }
}
