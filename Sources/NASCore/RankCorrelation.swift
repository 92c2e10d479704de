/// Rank correlations between two paired samples, as used to judge predictors, proxies and
/// low-fidelity or weight-sharing evaluators against the results they stand in for.
///
/// Both statistics handle ties the way SciPy does (`scipy.stats.spearmanr`, `scipy.stats.kendalltau`
/// with its default `variant="b"`); `RankCorrelationTests` checks them against SciPy's numbers.
public enum RankCorrelation {
    /// Spearman's ρ: the Pearson correlation of the ranks, ties given their average rank.
    ///
    /// Nil when there are fewer than two pairs, either sample is constant, or a value is NaN.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count, "paired samples must have equal length")
        guard x.count >= 2, !hasNaN(x), !hasNaN(y) else { return nil }
        return pearson(averageRanks(x), averageRanks(y))
    }

    /// Kendall's τ-b: concordant minus discordant pairs over the geometric mean of the pairs
    /// not tied in x and not tied in y.
    ///
    /// Knight's O(n log n) algorithm: sort by (x, y), count the ties, then count the discordant
    /// pairs as the inversions of y in that order with a merge sort. Nil when there are fewer than
    /// two pairs, either sample is constant, or a value is NaN.
    public static func kendallTauB(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count, "paired samples must have equal length")
        guard x.count >= 2, !hasNaN(x), !hasNaN(y) else { return nil }
        let order = x.indices.sorted { x[$0] != x[$1] ? x[$0] < x[$1] : y[$0] < y[$1] }
        let tiedX = tiedPairs(order.map { x[$0] })
        let tiedXY = tiedPairs(order.map { PairKey(x: x[$0], y: y[$0]) })
        var ys = order.map { y[$0] }
        let discordant = inversionsSorting(&ys)
        let tiedY = tiedPairs(ys)
        let all = x.count * (x.count - 1) / 2
        let untiedX = Double(all - tiedX), untiedY = Double(all - tiedY)
        guard untiedX > 0, untiedY > 0 else { return nil }
        let concordantMinusDiscordant = all - tiedX - tiedY + tiedXY - 2 * discordant
        return Double(concordantMinusDiscordant) / (untiedX * untiedY).squareRoot()
    }

    /// The Pearson correlation coefficient; nil when either sample is constant.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        let n = Double(x.count)
        let meanX = x.reduce(0, +) / n, meanY = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - meanX) * (b - meanY)
            sxx += (a - meanX) * (a - meanX)
            syy += (b - meanY) * (b - meanY)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Ranks 1…n, tied values sharing the average of their ranks.
    public static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let average = Double(start + end) / 2 + 1
            for k in start...end { ranks[order[k]] = average }
            start = end + 1
        }
        return ranks
    }

    /// An (x, y) pair, equal when both coordinates are: joint ties.
    private struct PairKey: Equatable {
        var x: Double
        var y: Double
    }

    private static func hasNaN(_ values: [Double]) -> Bool { values.contains { $0.isNaN } }

    /// The tied pairs of a sorted sequence: Σ t(t-1)/2 over its runs of t equal values.
    private static func tiedPairs<T: Equatable>(_ sorted: [T]) -> Int {
        var pairs = 0, run = 1
        for i in sorted.indices.dropFirst() {
            if sorted[i] == sorted[i - 1] { run += 1 } else { pairs += run * (run - 1) / 2; run = 1 }
        }
        return pairs + run * (run - 1) / 2
    }

    /// Sorts `values` ascending (a stable bottom-up merge sort) and returns how many pairs i < j
    /// had values[i] > values[j] strictly: equal values are not inversions.
    private static func inversionsSorting(_ values: inout [Double]) -> Int {
        var inversions = 0, width = 1
        var buffer = values
        while width < values.count {
            var start = 0
            while start < values.count {
                let middle = min(start + width, values.count), end = min(start + 2 * width, values.count)
                inversions += merge(values, into: &buffer, start: start, middle: middle, end: end)
                start = end
            }
            swap(&values, &buffer)
            width *= 2
        }
        return inversions
    }

    /// Merges the sorted runs `[start, middle)` and `[middle, end)` of `source` into `target`,
    /// returning the strict inversions between them.
    private static func merge(_ source: [Double], into target: inout [Double], start: Int, middle: Int, end: Int) -> Int {
        var i = start, j = middle, k = start, inversions = 0
        while i < middle && j < end {
            if source[j] < source[i] {
                inversions += middle - i
                target[k] = source[j]
                j += 1
            } else {
                target[k] = source[i]
                i += 1
            }
            k += 1
        }
        while i < middle { target[k] = source[i]; i += 1; k += 1 }
        while j < end { target[k] = source[j]; j += 1; k += 1 }
        return inversions
    }
}
