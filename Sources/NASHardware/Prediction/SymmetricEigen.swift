/// Eigenvalues and eigenvectors of a small symmetric matrix, by cyclic Jacobi rotations.
///
/// Used on the device-by-device Gram matrix of the latency prior (27 × 27 at most), where
/// Jacobi's simplicity and accuracy matter more than its O(n³) sweeps.
struct SymmetricEigen {
    /// Eigenvalues, largest first.
    let values: [Double]
    /// The unit eigenvector of each eigenvalue (`vectors[k]` belongs to `values[k]`).
    let vectors: [[Double]]

    /// Decomposes `matrix` (square and symmetric).
    init(_ matrix: [[Double]], sweeps: Int = 100) {
        let n = matrix.count
        var a = matrix
        var v = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
        for _ in 0..<sweeps {
            var off = 0.0
            for p in 0..<n { for q in (p + 1)..<n { off += a[p][q] * a[p][q] } }
            let total = (0..<n).reduce(0.0) { $0 + a[$1][$1] * a[$1][$1] } + off
            if off <= 1e-30 * max(total, 1e-300) { break }
            for p in 0..<n {
                for q in (p + 1)..<n where a[p][q] != 0 {
                    SymmetricEigen.rotate(&a, &v, p, q)
                }
            }
        }
        let order = (0..<n).sorted { a[$0][$0] > a[$1][$1] }
        values = order.map { a[$0][$0] }
        vectors = order.map { k in (0..<n).map { v[$0][k] } }
    }

    /// One Jacobi rotation that zeroes `a[p][q]`, accumulated into the eigenvector columns `v`.
    private static func rotate(_ a: inout [[Double]], _ v: inout [[Double]], _ p: Int, _ q: Int) {
        let n = a.count
        let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
        let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
        let c = 1 / (t * t + 1).squareRoot()
        let s = t * c
        for k in 0..<n {
            let akp = a[k][p], akq = a[k][q]
            a[k][p] = c * akp - s * akq
            a[k][q] = s * akp + c * akq
        }
        for k in 0..<n {
            let apk = a[p][k], aqk = a[q][k]
            a[p][k] = c * apk - s * aqk
            a[q][k] = s * apk + c * aqk
        }
        for k in 0..<n {
            let vkp = v[k][p], vkq = v[k][q]
            v[k][p] = c * vkp - s * vkq
            v[k][q] = s * vkp + c * vkq
        }
    }
}
