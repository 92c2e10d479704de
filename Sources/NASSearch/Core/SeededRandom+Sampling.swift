import NASCore

extension SeededRandom {
    /// Shuffles `array` in place (Fisher–Yates), the same way on every platform.
    mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = nextInt(below: i + 1)
            array.swapAt(i, j)
        }
    }

    /// An index drawn with probability proportional to `weights` (non-negative, not all zero).
    mutating func categorical(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        guard total > 0, total.isFinite else { return nextInt(below: weights.count) }
        var u = nextDouble() * total
        for (i, w) in weights.enumerated() {
            u -= w
            if u < 0 { return i }
        }
        return weights.count - 1
    }
}
