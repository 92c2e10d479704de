/// Linear least squares with an intercept and an optional ridge penalty: the one solver the
/// FLOPs model, the learned predictor and the few-shot device predictor share.
///
/// Minimises Σᵢ (yᵢ − b − wᵀxᵢ)² + λ Σⱼ pⱼ wⱼ² (the intercept b is not penalised; `penalties` pⱼ,
/// default 1, let some features go unpenalised with pⱼ = 0). Features are centred
/// and scaled to unit root-mean-square before the normal equations are formed, so that columns of
/// very different magnitude (MACs in the hundreds of millions beside a layer count) do not ruin
/// their conditioning, and λ acts on the scaled features; the coefficients come back in the
/// features' own units. With λ = 0 and as many independent rows as features + 1, the fit is exact.
public struct LinearLeastSquares: Sendable, Hashable, Codable {
    /// The weight of each feature, in the features' own units.
    public let weights: [Double]
    /// The intercept.
    public let intercept: Double

    /// Fits `targets` on the rows of `features` (all the same length) with ridge strength `lambda`.
    public init(features: [[Double]], targets: [Double], lambda: Double = 0, penalties: [Double]? = nil) throws {
        guard !features.isEmpty, features.count == targets.count else {
            throw HardwareError("a least-squares fit needs as many targets as feature rows, and at least one (got \(features.count) rows, \(targets.count) targets)")
        }
        let d = features[0].count
        guard features.allSatisfy({ $0.count == d }) else { throw HardwareError("every feature row must have \(d) values") }
        guard lambda >= 0, lambda.isFinite else { throw HardwareError("the ridge strength must be 0 or more, got \(lambda)") }
        let penalties = penalties ?? [Double](repeating: 1, count: d)
        guard penalties.count == d, penalties.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw HardwareError("give one penalty of 0 or more per feature (\(d))")
        }
        guard features.allSatisfy({ $0.allSatisfy(\.isFinite) }), targets.allSatisfy(\.isFinite) else {
            throw HardwareError("a least-squares fit needs finite features and targets")
        }
        let n = Double(features.count)
        let means = (0..<d).map { j in features.reduce(0) { $0 + $1[j] } / n }
        let scales = (0..<d).map { j -> Double in
            let rms = (features.reduce(0) { $0 + ($1[j] - means[j]) * ($1[j] - means[j]) } / n).squareRoot()
            return rms > 1e-300 ? rms : 1
        }
        let targetMean = targets.reduce(0, +) / n
        let scaled = features.map { row in (0..<d).map { (row[$0] - means[$0]) / scales[$0] } }
        var gram = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
        var moment = [Double](repeating: 0, count: d)
        for (row, y) in zip(scaled, targets) {
            for i in 0..<d where row[i] != 0 {
                moment[i] += row[i] * (y - targetMean)
                for j in i..<d { gram[i][j] += row[i] * row[j] }
            }
        }
        for i in 0..<d {
            for j in 0..<i { gram[i][j] = gram[j][i] }
            gram[i][i] += lambda * penalties[i]
        }
        let solved = try LinearLeastSquares.solve(gram, moment)
        weights = (0..<d).map { solved[$0] / scales[$0] }
        intercept = targetMean - zip(weights, means).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Coefficients given directly.
    public init(weights: [Double], intercept: Double) {
        self.weights = weights
        self.intercept = intercept
    }

    /// The fitted value for one feature row.
    public func predict(_ features: [Double]) -> Double {
        intercept + zip(weights, features).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Solves a symmetric system by Gaussian elimination with partial pivoting; a singular one is an error.
    static func solve(_ matrix: [[Double]], _ rhs: [Double]) throws -> [Double] {
        let n = rhs.count
        var a = matrix
        var b = rhs
        let size = a.reduce(0.0) { max($0, $1.map(abs).max() ?? 0) }
        for col in 0..<n {
            let pivot = (col..<n).max { abs(a[$0][col]) < abs(a[$1][col]) }!
            guard abs(a[pivot][col]) > 1e-12 * max(size, 1e-300) else {
                throw HardwareError("the least-squares problem is singular: some features are constant or repeat others (add measurements or a ridge penalty)")
            }
            a.swapAt(col, pivot)
            b.swapAt(col, pivot)
            for r in (col + 1)..<n where a[r][col] != 0 {
                let f = a[r][col] / a[col][col]
                for j in col..<n { a[r][j] -= f * a[col][j] }
                b[r] -= f * b[col]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            let rest = ((i + 1)..<n).reduce(0.0) { $0 + a[i][$1] * x[$1] }
            x[i] = (b[i] - rest) / a[i][i]
        }
        return x
    }
}
