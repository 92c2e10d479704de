import NASCore
import NASSpaces

/// How well predicted latencies match measured ones: the figures nn-Meter and HELP report.
///
/// RMSE (seconds), MAPE (a fraction), the share of predictions within ±10% of the measurement
/// (nn-Meter's accuracy measure), Kendall's τ-b and Spearman's ρ over the same pairs.
public struct PredictionReport: Sendable, Hashable {
    /// The number of (predicted, measured) pairs.
    public let count: Int
    /// Root-mean-square error in seconds.
    public let rmse: Double
    /// Mean absolute percentage error, as a fraction (0.05 is 5%).
    public let mape: Double
    /// The share of predictions within ±10% of the measurement, as a fraction.
    public let withinTenPercent: Double
    /// The mean signed relative error, as a fraction: above 0 when predictions run high (a bias, not noise).
    public let bias: Double
    /// Kendall's τ-b between predictions and measurements (nil when either is constant).
    public let kendallTau: Double?
    /// Spearman's ρ between predictions and measurements (nil when either is constant).
    public let spearman: Double?

    /// Compares predictions with measurements, pair by pair (both in seconds, measurements positive).
    public init(predicted: [Double], measured: [Double]) {
        precondition(predicted.count == measured.count, "predictions and measurements must pair up")
        count = measured.count
        let n = Double(max(count, 1))
        let errors = zip(predicted, measured).map { $0 - $1 }
        let relative = zip(errors, measured).map { abs($0) / $1 }
        rmse = (errors.reduce(0) { $0 + $1 * $1 } / n).squareRoot()
        mape = relative.reduce(0, +) / n
        bias = zip(errors, measured).reduce(0) { $0 + $1.0 / $1.1 } / n
        withinTenPercent = Double(relative.filter { $0 <= 0.1 }.count) / n
        kendallTau = RankCorrelation.kendallTauB(predicted, measured)
        spearman = RankCorrelation.spearman(predicted, measured)
    }

    /// Predicts each architecture with `predictor` and compares with its measured latency.
    public init(_ predictor: any LatencyPredictor, on measured: [(architecture: Architecture, seconds: Double)],
                in space: any SearchSpace) throws {
        let predictions = try measured.map { try predictor.predict($0.architecture, in: space) }
        self.init(predicted: predictions, measured: measured.map(\.seconds))
    }
}
