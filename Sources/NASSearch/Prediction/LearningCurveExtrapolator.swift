import Foundation

/// Predicts the final value of a learning curve from its first epochs (after Domhan et al., IJCAI 2015).
///
/// Each `CurveFamily` is fitted to the partial curve by least squares (Nelder–Mead from a
/// data-driven start). Instead of the paper's MCMC over a combined model, the fits are mixed
/// with weights from a Gaussian likelihood penalised by parameter count (BIC weights), which
/// needs no sampling. The prediction at the target epoch is the weighted mean; its spread
/// combines the families' disagreement and the residual noise, widened in proportion to how far
/// the extrapolation reaches beyond the observed epochs.
public struct LearningCurveExtrapolator: Sendable, Hashable, Codable {
    /// One fitted family.
    public struct Fit: Sendable, Hashable, Codable {
        /// The family.
        public var family: CurveFamily
        /// Its least-squares parameters.
        public var parameters: [Double]
        /// The sum of squared residuals.
        public var residual: Double
        /// Its weight in the ensemble (weights sum to 1).
        public var weight: Double
    }

    /// A prediction of the curve's value at a later epoch.
    public struct Prediction: Sendable, Hashable, Codable {
        /// The ensemble mean.
        public var mean: Double
        /// The standard deviation.
        public var standardDeviation: Double

        /// The probability that the value exceeds `threshold` under a normal with this mean and spread.
        public func probability(exceeding threshold: Double) -> Double {
            guard standardDeviation > 0 else { return mean > threshold ? 1 : 0 }
            return 0.5 * erfc((threshold - mean) / (standardDeviation * 2.0.squareRoot()))
        }
    }

    /// The families used.
    public var families: [CurveFamily]
    /// The largest value the metric can take (1 for accuracies), if bounded.
    public var upperBound: Double?

    /// Creates an extrapolator over the given families.
    public init(families: [CurveFamily] = CurveFamily.allCases, upperBound: Double? = 1) {
        self.families = families
        self.upperBound = upperBound
    }

    /// The fitted families for a curve whose value at epoch `i + 1` is `curve[i]`; needs ≥ 3 points.
    public func fit(_ curve: [Double]) throws -> [Fit] {
        guard curve.count >= 3, curve.allSatisfy(\.isFinite) else {
            throw StrategyError("a learning curve needs at least 3 finite points to extrapolate, got \(curve.count)")
        }
        let xs = curve.indices.map { Double($0 + 1) }
        let n = Double(curve.count)
        var fits = families.map { family -> Fit in
            let (start, step) = family.initialGuess(curve)
            let sse: ([Double]) -> Double = { p in
                zip(xs, curve).reduce(0) { s, point in
                    let r = family.value(point.0, p) - point.1
                    return s + r * r
                }
            }
            let best = NelderMead.minimize(sse, start: start, step: step, iterations: 300)
            return Fit(family: family, parameters: best.point, residual: best.value, weight: 0)
        }
        // BIC weights: n·log(SSE/n) + k·log n; a floor on SSE keeps exact fits comparable.
        let floor = 1e-10 * n
        let bic = fits.map { n * log(max($0.residual, floor) / n) + Double($0.family.parameterCount) * log(n) }
        let best = bic.min()!
        let raw = bic.map { exp(-0.5 * ($0 - best)) }
        let total = raw.reduce(0, +)
        for i in fits.indices { fits[i].weight = raw[i] / total }
        return fits
    }

    /// The predicted value at `epoch` from a partial curve.
    public func predict(_ curve: [Double], at epoch: Int) throws -> Prediction {
        let fits = try fit(curve)
        let x = Double(epoch)
        let values = fits.map { clamp($0.family.value(x, $0.parameters)) }
        let mean = zip(fits, values).reduce(0) { $0 + $1.0.weight * $1.1 }
        let disagreement = zip(fits, values).reduce(0) { $0 + $1.0.weight * ($1.1 - mean) * ($1.1 - mean) }
        let noise = fits.reduce(0) { $0 + $1.weight * $1.residual / Double(max(curve.count - $1.family.parameterCount, 1)) }
        let reach = max(1, x / Double(curve.count))
        return Prediction(mean: mean, standardDeviation: (disagreement + noise * reach).squareRoot())
    }

    private func clamp(_ v: Double) -> Double {
        guard v.isFinite else { return upperBound ?? 0 }
        if let u = upperBound { return min(v, u) }
        return v
    }
}
