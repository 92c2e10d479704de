import NASCore
@testable import NASTensor

/// Central finite differences against the engine's analytic gradients.
///
/// The loss is `Σ out ⊙ R` for a fixed random `R`, accumulated in Double. With float32
/// values of order 1, step `eps = 1e-2` gives a truncation error `O(eps²)` ≈ 1e-4 for smooth ops
/// and a rounding error ≈ `1e-7 · |L| / eps` ≈ 1e-4; piecewise-linear ops are exact unless an
/// input lies within `eps` of a kink, which the inputs below avoid. So an absolute tolerance of
/// 3e-3 plus 2% relative is far above the expected error and far below any real mistake
/// (a wrong sign, index or factor changes gradients by O(1)).
enum GradientCheck {
    /// Values uniform in `[-range, range]`, kept at least `margin` away from every kink.
    static func input(_ shape: [Int], seed: UInt64, range: Double = 2, kinks: [Double] = [], margin: Double = 0.05,
                      requiresGrad: Bool = true) -> Tensor {
        var rng = SeededRandom(seed: seed)
        let t = Tensor(zeros: shape, requiresGrad: requiresGrad)
        for i in 0..<t.count {
            var v: Double
            repeat { v = (rng.nextDouble() * 2 - 1) * range } while kinks.contains { abs(v - $0) < margin }
            t.data[i] = Float(v)
        }
        return t
    }

    /// Distinct values spaced at least 0.1 apart in random order (for max pooling: no ties).
    static func distinct(_ shape: [Int], seed: UInt64) -> Tensor {
        var rng = SeededRandom(seed: seed)
        let n = shape.reduce(1, *)
        var values = (0..<n).map { Float($0) * 0.1 - Float(n) * 0.05 }
        values.shuffle(using: &rng)
        return Tensor(shape: shape, values: values, requiresGrad: true)
    }

    /// The largest violation `|analytic − numeric| − (atol + rtol·scale)`; ≤ 0 means every
    /// checked element passes. Checks up to `samples` elements per input.
    static func worstViolation(_ inputs: [Tensor], eps: Float = 1e-2, atol: Double = 3e-3, rtol: Double = 0.02,
                               samples: Int = 60, _ f: ([Tensor]) throws -> Tensor) throws -> (Double, String) {
        let out = try f(inputs)
        var rng = SeededRandom(seed: 99)
        let r = (0..<out.count).map { _ in Float(rng.nextDouble() * 2 - 1) }
        let weights = Tensor(shape: out.shape, values: r)
        for t in inputs { t.zeroGrad() }
        try out.mul(weights).sumAll().backward()
        func loss() throws -> Double {
            let o = try f(inputs)
            var s = 0.0
            for i in 0..<o.count { s += Double(o.data[i]) * Double(r[i]) }
            return s
        }
        var worst = -Double.infinity, where_ = ""
        for (k, t) in inputs.enumerated() where t.requiresGrad {
            let analytic = t.gradValues
            let stride = max(1, t.count / samples)
            for i in Swift.stride(from: 0, to: t.count, by: stride) {
                let saved = t.data[i]
                t.data[i] = saved + eps
                let plus = try loss()
                t.data[i] = saved - eps
                let minus = try loss()
                t.data[i] = saved
                let numeric = (plus - minus) / (2 * Double(eps))
                let a = Double(analytic[i])
                let violation = abs(a - numeric) - (atol + rtol * max(abs(a), abs(numeric)))
                if violation > worst { worst = violation; where_ = "input \(k) element \(i): analytic \(a), numeric \(numeric)" }
            }
        }
        return (worst, where_)
    }
}
