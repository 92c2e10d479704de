/// Rank correlations between two paired samples, as used to judge predictors and proxies.
public enum RankCorrelation {
    /// Spearman's ρ: the Pearson correlation of the ranks, ties given their average rank.
    ///
    /// Nil when there are fewer than two pairs or either sample is constant.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count, "paired samples must have equal length")
        guard x.count >= 2 else { return nil }
        return pearson(averageRanks(x), averageRanks(y))
    }

    /// Kendall's τ-b: concordant minus discordant pairs over the geometric mean of the pairs
    /// not tied in x and not tied in y. Nil when there are fewer than two pairs or either
    /// sample is constant.
    public static func kendallTauB(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count, "paired samples must have equal length")
        var concordant = 0, discordant = 0, tiedXOnly = 0, tiedYOnly = 0
        for i in x.indices {
            for j in x.indices where j > i {
                let dx = x[i] - x[j], dy = y[i] - y[j]
                if dx == 0 && dy == 0 { continue }
                if dx == 0 { tiedXOnly += 1 } else if dy == 0 { tiedYOnly += 1 } else if (dx > 0) == (dy > 0) {
                    concordant += 1
                } else {
                    discordant += 1
                }
            }
        }
        let untiedX = Double(concordant + discordant + tiedYOnly), untiedY = Double(concordant + discordant + tiedXOnly)
        guard untiedX > 0, untiedY > 0 else { return nil }
        return Double(concordant - discordant) / (untiedX * untiedY).squareRoot()
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
}
