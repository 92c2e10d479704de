import Foundation
import NASSpaces

/// The MnasNet reward `ACC · (LAT/T)^w` (Tan et al., CVPR 2019).
///
/// `w = α` when the latency is at most the target `T`, `w = β` above it. The soft form
/// (`α = β = -0.07`) trades accuracy for latency smoothly; the hard form (`α = 0, β = -1`)
/// leaves accuracy untouched under the target and penalises sharply over it. The latency can
/// come from any source an evaluator reports (measured, looked up, predicted).
public struct MnasNetReward: Sendable, Hashable, Codable {
    /// The latency target `T`, seconds.
    public var target: Double
    /// The exponent at or under the target.
    public var alpha: Double
    /// The exponent over the target.
    public var beta: Double
    /// The accuracy metric's name.
    public var accuracyMetric: String
    /// The latency metric's name.
    public var latencyMetric: String

    /// Creates a reward with explicit exponents.
    public init(target: Double, alpha: Double, beta: Double,
                accuracyMetric: String = "accuracy", latencyMetric: String = "latency") {
        self.target = target
        self.alpha = alpha
        self.beta = beta
        self.accuracyMetric = accuracyMetric
        self.latencyMetric = latencyMetric
    }

    /// The soft reward, `w = -0.07` on both sides of the target.
    public static func soft(target: Double, accuracyMetric: String = "accuracy",
                            latencyMetric: String = "latency") -> MnasNetReward {
        MnasNetReward(target: target, alpha: -0.07, beta: -0.07,
                      accuracyMetric: accuracyMetric, latencyMetric: latencyMetric)
    }

    /// The hard reward, `α = 0` under the target and `β = -1` over it.
    public static func hard(target: Double, accuracyMetric: String = "accuracy",
                            latencyMetric: String = "latency") -> MnasNetReward {
        MnasNetReward(target: target, alpha: 0, beta: -1,
                      accuracyMetric: accuracyMetric, latencyMetric: latencyMetric)
    }

    /// The reward for an accuracy and a latency.
    public func value(accuracy: Double, latency: Double) -> Double {
        let w = latency <= target ? alpha : beta
        return accuracy * pow(latency / target, w)
    }

    /// The reward from a result's metrics; `nil` when either metric is missing or the latency is not positive.
    public func value(of result: TrialResult) -> Double? {
        guard let acc = result.value(of: accuracyMetric), let lat = result.value(of: latencyMetric), lat > 0 else { return nil }
        return value(accuracy: acc, latency: lat)
    }

    /// The reward from a metric dictionary; `nil` when either metric is missing or the latency is not positive.
    public func value(of metrics: [String: Double]) -> Double? {
        guard let acc = metrics[accuracyMetric], let lat = metrics[latencyMetric], lat > 0 else { return nil }
        return value(accuracy: acc, latency: lat)
    }
}
