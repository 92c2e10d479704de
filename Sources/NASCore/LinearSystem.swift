/// Small dense linear algebra in Double: the one solver that least-squares fits and surrogate
/// models share (normal equations of a few dozen to a few hundred unknowns).
///
/// Both functions pivot on the largest entry of the column and call a pivot singular when it is
/// below 10⁻¹² of the matrix's largest entry; they return nil then, and the caller says what that
/// means for its user (constant or repeated features, too few measurements).
public enum LinearSystem {
    /// The solution of `a x = b` (Gaussian elimination with partial pivoting, then back substitution), or nil when `a` is singular.
    public static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        precondition(a.count == n && a.allSatisfy { $0.count == n }, "solve needs a square matrix as tall as the right-hand side")
        var m = a, rhs = b
        let tolerance = singularTolerance(a)
        for col in 0..<n {
            let pivot = (col..<n).max { abs(m[$0][col]) < abs(m[$1][col]) }!
            guard abs(m[pivot][col]) > tolerance else { return nil }
            m.swapAt(col, pivot)
            rhs.swapAt(col, pivot)
            for r in (col + 1)..<n where m[r][col] != 0 {
                let f = m[r][col] / m[col][col]
                for j in col..<n { m[r][j] -= f * m[col][j] }
                rhs[r] -= f * rhs[col]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            let rest = ((i + 1)..<n).reduce(0.0) { $0 + m[i][$1] * x[$1] }
            x[i] = (rhs[i] - rest) / m[i][i]
        }
        return x
    }

    /// The inverse of `a` (Gauss–Jordan with partial pivoting), or nil when `a` is singular.
    public static func invert(_ a: [[Double]]) -> [[Double]]? {
        let n = a.count
        precondition(a.allSatisfy { $0.count == n }, "invert needs a square matrix")
        var m = a
        var inverse = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
        let tolerance = singularTolerance(a)
        for col in 0..<n {
            let pivot = (col..<n).max { abs(m[$0][col]) < abs(m[$1][col]) }!
            guard abs(m[pivot][col]) > tolerance else { return nil }
            m.swapAt(col, pivot)
            inverse.swapAt(col, pivot)
            let p = m[col][col]
            for j in 0..<n {
                m[col][j] /= p
                inverse[col][j] /= p
            }
            for r in 0..<n where r != col && m[r][col] != 0 {
                let f = m[r][col]
                for j in 0..<n {
                    m[r][j] -= f * m[col][j]
                    inverse[r][j] -= f * inverse[col][j]
                }
            }
        }
        return inverse
    }

    /// 10⁻¹² of the largest entry: pivots below it are treated as zero.
    private static func singularTolerance(_ a: [[Double]]) -> Double {
        1e-12 * max(a.reduce(0.0) { max($0, $1.map(abs).max() ?? 0) }, 1e-300)
    }
}
