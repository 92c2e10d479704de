/// The Nelder–Mead simplex method: minimises a function of a few variables without gradients.
///
/// Used to fit the parametric learning-curve families by least squares.
enum NelderMead {
    /// The point found near a minimum of `f`, starting from `start` with initial steps `step`.
    static func minimize(_ f: ([Double]) -> Double, start: [Double], step: [Double], iterations: Int = 400) -> (point: [Double], value: Double) {
        let n = start.count
        var simplex = [start] + (0..<n).map { i -> [Double] in
            var p = start
            p[i] += step[i]
            return p
        }
        var values = simplex.map { sanitize(f($0)) }
        for _ in 0..<iterations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if abs(values[n] - values[0]) <= 1e-14 * (abs(values[0]) + 1e-14) { break }
            let centroid = (0..<n).map { j in simplex[0..<n].reduce(0) { $0 + $1[j] } / Double(n) }
            let worst = simplex[n]
            func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (worst[$0] - centroid[$0]) } }
            let reflected = along(-1), fr = sanitize(f(reflected))
            if fr < values[0] {
                let expanded = along(-2), fe = sanitize(f(expanded))
                (simplex[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr)
            } else if fr < values[n - 1] {
                (simplex[n], values[n]) = (reflected, fr)
            } else {
                let contracted = fr < values[n] ? along(-0.5) : along(0.5)
                let fc = sanitize(f(contracted))
                if fc < min(fr, values[n]) {
                    (simplex[n], values[n]) = (contracted, fc)
                } else {
                    for i in 1...n {
                        simplex[i] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[i][$0] - simplex[0][$0]) }
                        values[i] = sanitize(f(simplex[i]))
                    }
                }
            }
        }
        let best = values.indices.min { values[$0] < values[$1] }!
        return (simplex[best], values[best])
    }

    private static func sanitize(_ v: Double) -> Double { v.isFinite ? v : .greatestFiniteMagnitude }
}
