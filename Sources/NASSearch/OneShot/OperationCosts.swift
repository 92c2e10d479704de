import Foundation
import NASCore
import NASSpaces

/// A cost per option of each row of a supernet, fitted to whole architectures' costs: the lookup
/// table that ProxylessNAS's expected-latency loss differentiates.
///
/// Any cost naslab knows for a whole architecture — a device latency table, the cost model's
/// multiply-accumulates, a measured latency — becomes a table by least squares: the cost of an
/// architecture is modelled as the sum of its options' costs over its rows, fitted on `samples`
/// architectures drawn from those the supernet holds (ridge-regularised, since one-hot rows are collinear).
/// `fitError` says how well the additive model holds (the mean relative error on the samples).
struct OperationCosts {
    /// The cost of each option of each row.
    let table: [[Double]]
    /// What the costs measure (`latency`, `macs`).
    let metric: String
    /// The mean relative error of the additive model on the architectures it was fitted to.
    let fitError: Double

    /// Fits the table to `measure` over architectures drawn from `space`.
    static func fit(space: any SupernetSpace, rows: [Decision], metric: String, samples: Int, seed: UInt64,
                    measure: (Architecture) throws -> Double) throws -> OperationCosts {
        var rng = SeededRandom(seed: seed)
        let offsets = rows.reduce(into: [0]) { $0.append($0.last! + $1.options.count) }
        var features: [[Double]] = [], targets: [Double] = []
        for _ in 0..<samples {
            let architecture = space.sampleInSupernet(using: &rng)
            var x = [Double](repeating: 0, count: offsets.last!)
            for (row, option) in try space.selection(of: architecture).enumerated() {
                if let option { x[offsets[row] + option] = 1 }
            }
            features.append(x)
            targets.append(try measure(architecture))
        }
        let w = try ridge(features, targets)
        let table = rows.indices.map { Array(w[offsets[$0]..<offsets[$0 + 1]]) }
        let errors = zip(features, targets).map { x, y in abs(zip(x, w).reduce(0) { $0 + $1.0 * $1.1 } - y) / max(abs(y), 1e-12) }
        return OperationCosts(table: table, metric: metric, fitError: errors.reduce(0, +) / Double(max(errors.count, 1)))
    }

    /// The expected cost under per-row option probabilities.
    func expected(_ probabilities: [[Double]]) -> Double {
        zip(table, probabilities).reduce(0) { total, pair in total + zip(pair.0, pair.1).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// Least squares with a small ridge: `(XᵀX + λI) w = Xᵀy`, solved by `LinearSystem`.
    private static func ridge(_ x: [[Double]], _ y: [Double]) throws -> [Double] {
        let n = x.first?.count ?? 0
        var a = [[Double]](repeating: [Double](repeating: 0, count: n + 1), count: n)
        for (row, target) in zip(x, y) {
            for i in 0..<n where row[i] != 0 {
                for j in 0..<n { a[i][j] += row[i] * row[j] }
                a[i][n] += row[i] * target
            }
        }
        let scale = (0..<n).reduce(0) { $0 + a[$1][$1] } / Double(max(n, 1))
        for i in 0..<n { a[i][i] += 1e-6 * max(scale, 1) }
        guard let w = LinearSystem.solve(a.map { Array($0[0..<n]) }, a.map { $0[n] }) else {
            throw StrategyError("the cost table cannot be fitted (singular system)")
        }
        return w
    }
}
