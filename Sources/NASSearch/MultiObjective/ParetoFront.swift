/// Pareto dominance, non-dominated sorting and crowding distance (Deb et al., NSGA-II, 2002).
///
/// Points are objective vectors where every component is "higher is better" (minimised
/// metrics are negated first, as `Objective.score` does). A point with a non-finite component
/// is infeasible: it is dominated by every feasible point and lands in the last front.
public enum ParetoFront {
    /// Whether `a` dominates `b`: at least as good everywhere and better somewhere.
    public static func dominates(_ a: [Double], _ b: [Double]) -> Bool {
        let aFeasible = a.allSatisfy(\.isFinite), bFeasible = b.allSatisfy(\.isFinite)
        if aFeasible != bFeasible { return aFeasible }
        if !aFeasible { return false }
        var strictly = false
        for (x, y) in zip(a, b) {
            if x < y { return false }
            if x > y { strictly = true }
        }
        return strictly
    }

    /// The indices of `points` grouped into fronts: front 0 is non-dominated, front 1 is
    /// non-dominated once front 0 is removed, and so on (the fast non-dominated sort).
    public static func nonDominatedSort(_ points: [[Double]]) -> [[Int]] {
        var dominatedBy = [[Int]](repeating: [], count: points.count)
        var dominationCount = [Int](repeating: 0, count: points.count)
        for i in points.indices {
            for j in points.indices where i != j {
                if dominates(points[i], points[j]) {
                    dominatedBy[i].append(j)
                } else if dominates(points[j], points[i]) {
                    dominationCount[i] += 1
                }
            }
        }
        var fronts: [[Int]] = []
        var current = points.indices.filter { dominationCount[$0] == 0 }
        while !current.isEmpty {
            fronts.append(current)
            var next: [Int] = []
            for i in current {
                for j in dominatedBy[i] {
                    dominationCount[j] -= 1
                    if dominationCount[j] == 0 { next.append(j) }
                }
            }
            current = next.sorted()
        }
        return fronts
    }

    /// The indices of the non-dominated points.
    public static func front(_ points: [[Double]]) -> [Int] {
        nonDominatedSort(points).first ?? []
    }

    /// The crowding distance of each member of `front` (in `front`'s order): the sum over
    /// objectives of the normalised gap between its neighbours; boundary points get infinity.
    public static func crowdingDistance(_ points: [[Double]], front: [Int]) -> [Double] {
        guard let dims = front.first.map({ points[$0].count }), front.count > 2 else {
            return Array(repeating: .infinity, count: front.count)
        }
        var distance = [Double](repeating: 0, count: front.count)
        for m in 0..<dims {
            let order = front.indices.sorted { points[front[$0]][m] < points[front[$1]][m] }
            let lo = points[front[order.first!]][m], hi = points[front[order.last!]][m]
            distance[order.first!] = .infinity
            distance[order.last!] = .infinity
            guard hi > lo, hi.isFinite, lo.isFinite else { continue }
            for k in 1..<(order.count - 1) {
                let gap = points[front[order[k + 1]]][m] - points[front[order[k - 1]]][m]
                distance[order[k]] += gap / (hi - lo)
            }
        }
        return distance
    }
}
