import NASCore

/// A Fisher–Yates shuffle with a fully specified draw (`next() mod (i + 1)`), so the order can
/// be reproduced exactly outside Swift (the numpy training reference does).
public enum SeededShuffle {
    /// A random permutation of `0..<n`.
    public static func permutation(_ n: Int, using rng: inout SeededRandom) -> [Int] {
        var order = Array(0..<n)
        var i = n - 1
        while i > 0 {
            let j = Int(rng.next() % UInt64(i + 1))
            order.swapAt(i, j)
            i -= 1
        }
        return order
    }
}
