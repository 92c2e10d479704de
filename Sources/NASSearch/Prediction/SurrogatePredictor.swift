import Foundation
import NASCore

/// A learned performance predictor: Bayesian linear regression on an architecture encoding.
///
/// With standardised targets, a unit Gaussian prior on the weights (ridge strength `lambda`)
/// and noise estimated from the residuals, the posterior is closed form, so the predictor gives
/// a mean and a standard deviation for any encoded architecture, is cheap enough to refit after
/// every result, and needs no random initialisation. Strategies use it to screen candidates
/// before spending an evaluation on them.
public struct SurrogatePredictor: Sendable, Hashable, Codable {
    /// The ridge strength (prior precision relative to the noise).
    public var lambda: Double
    private var weights: [Double] = []
    private var inverse: [[Double]] = []
    private var noiseVariance = 1.0
    private var mean = 0.0
    private var scale = 1.0

    /// Creates an unfitted predictor.
    public init(lambda: Double = 1) { self.lambda = lambda }

    /// Whether `fit` has been called with data.
    public var isFitted: Bool { !weights.isEmpty }

    /// Fits the posterior to encodings `xs` (all the same length) and targets `ys`.
    public mutating func fit(_ xs: [[Double]], _ ys: [Double]) throws {
        guard let d0 = xs.first?.count, xs.count == ys.count, xs.allSatisfy({ $0.count == d0 }) else {
            throw StrategyError("the surrogate needs as many targets as encodings, all encodings the same length")
        }
        mean = ys.reduce(0, +) / Double(ys.count)
        scale = max((ys.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(ys.count)).squareRoot(), 1e-12)
        let zs = ys.map { ($0 - mean) / scale }
        let rows = xs.map { $0 + [1] }
        let d = d0 + 1
        var a = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
        var b = [Double](repeating: 0, count: d)
        for (x, z) in zip(rows, zs) {
            for i in 0..<d where x[i] != 0 {
                b[i] += x[i] * z
                for j in 0..<d where x[j] != 0 { a[i][j] += x[i] * x[j] }
            }
        }
        for i in 0..<d { a[i][i] += lambda }
        inverse = try SurrogatePredictor.invert(a)
        weights = (0..<d).map { i in (0..<d).reduce(0) { $0 + inverse[i][$1] * b[$1] } }
        let residual = zip(rows, zs).reduce(0.0) { s, p in
            let r = zip(weights, p.0).reduce(0) { $0 + $1.0 * $1.1 } - p.1
            return s + r * r
        }
        noiseVariance = max(residual / Double(max(rows.count - 1, 1)), 1e-6)
    }

    /// The predictive mean and standard deviation for one encoding, in the targets' units.
    public func predict(_ x: [Double]) -> (mean: Double, standardDeviation: Double) {
        guard isFitted, x.count + 1 == weights.count else { return (mean, scale) }
        let row = x + [1]
        let m = zip(weights, row).reduce(0) { $0 + $1.0 * $1.1 }
        var quad = 0.0
        for i in row.indices where row[i] != 0 {
            for j in row.indices where row[j] != 0 { quad += row[i] * inverse[i][j] * row[j] }
        }
        return (m * scale + mean, (noiseVariance * (1 + quad)).squareRoot() * scale)
    }

    /// The inverse of the normal equations' matrix, or an error when it is singular.
    static func invert(_ matrix: [[Double]]) throws -> [[Double]] {
        guard let inverse = LinearSystem.invert(matrix) else { throw StrategyError("the surrogate's normal equations are singular") }
        return inverse
    }
}
