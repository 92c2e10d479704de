import NASTensor

/// Reorders a parameter along one axis in place (not differentiated): how elastic width puts the important channels first.
enum ElasticPermutation {
    /// Reorders `t` (plain, at least 1-D) along `axis` 0 or 1: index `i` of the axis takes the old index `order[i]`.
    static func permute(_ t: Tensor, axis: Int, _ order: [Int]) {
        let shape = t.shape
        precondition(axis < shape.count && order.count == shape[axis], "a permutation of \(order.count) along axis \(axis) of \(shape)")
        let outer = shape[..<axis].reduce(1, *), inner = shape[(axis + 1)...].reduce(1, *), n = shape[axis]
        let old = t.values
        let data = t.data
        for o in 0..<outer {
            for (i, from) in order.enumerated() {
                for k in 0..<inner { data[(o * n + i) * inner + k] = old[(o * n + from) * inner + k] }
            }
        }
    }

    /// The indices of `importance` from the largest value to the smallest (ties keep their order).
    static func descending(_ importance: [Double]) -> [Int] {
        importance.indices.sorted { importance[$0] > importance[$1] || (importance[$0] == importance[$1] && $0 < $1) }
    }

    /// The L1 norm of each index along `axis` (0 or 1) of `t`.
    static func l1(_ t: Tensor, axis: Int) -> [Double] {
        let shape = t.shape, values = t.values
        let outer = shape[..<axis].reduce(1, *), inner = shape[(axis + 1)...].reduce(1, *), n = shape[axis]
        var norms = [Double](repeating: 0, count: n)
        for o in 0..<outer {
            for i in 0..<n {
                for k in 0..<inner { norms[i] += Double(abs(values[(o * n + i) * inner + k])) }
            }
        }
        return norms
    }
}
