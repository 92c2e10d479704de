import Testing
@testable import NASCore

/// Kendall τ-b and Spearman ρ against SciPy's numbers and against a direct count of the pairs.
@Suite("Rank correlation")
struct RankCorrelationTests {
    /// Fixed samples, ties included, with SciPy 1.17.1's `scipy.stats.kendalltau(x, y).statistic`
    /// (variant "b", the default) and `scipy.stats.spearmanr(x, y).statistic`, printed with `repr`.
    static let scipy: [(name: String, x: [Double], y: [Double], tau: Double, rho: Double)] = [
        ("no ties", [1, 2, 3, 4, 5, 6, 7, 8], [2, 1, 4, 3, 6, 5, 8, 7], 0.7142857142857142, 0.9047619047619048),
        ("ties in both", [1, 2, 2, 3, 4, 4, 4, 5, 6, 7], [3, 1, 2, 2, 5, 4, 6, 6, 9, 8], 0.7383045377557884, 0.882391001975937),
        ("ties in x only", [1, 1, 1, 2, 2, 3, 4, 5], [8, 3, 5, 1, 2, 7, 6, 4], -0.07715167498104596, -0.01227571540350591),
        ("joint ties", [0.5, 0.5, 0.7, 0.7, 0.9, 0.1, 0.3, 0.3], [10, 10, 20, 20, 5, 1, 7, 7], 0.52, 0.4814814814814814),
        ("reversed with ties", [1, 2, 2, 3, 4], [9, 8, 8, 7, 6], -1, -1),
        // numpy.random.default_rng(14): a = rng.integers(0, 8, 30); b = a + rng.integers(-3, 4) per item.
        ("30 small integers",
         [1, 6, 5, 2, 0, 5, 2, 6, 2, 5, 1, 4, 0, 6, 0, 5, 6, 3, 6, 4, 6, 5, 7, 0, 0, 5, 5, 5, 6, 3],
         [3, 6, 3, 0, 2, 6, 5, 9, 4, 4, 1, 4, -2, 9, 3, 5, 4, 2, 6, 5, 9, 2, 4, -2, -3, 8, 4, 3, 3, 0],
         0.5642938227798693, 0.6962687504208628),
    ]

    @Test("τ-b and ρ equal SciPy's on fixed samples with and without ties")
    func matchesSciPy() throws {
        for c in Self.scipy {
            let tau = try #require(RankCorrelation.kendallTauB(c.x, c.y), "\(c.name)")
            let rho = try #require(RankCorrelation.spearman(c.x, c.y), "\(c.name)")
            #expect(abs(tau - c.tau) < 1e-14, "\(c.name): tau \(tau), SciPy \(c.tau)")
            #expect(abs(rho - c.rho) < 1e-14, "\(c.name): rho \(rho), SciPy \(c.rho)")
        }
    }

    @Test("the O(n log n) τ-b equals a direct count over all pairs on random samples with many ties")
    func matchesPairCount() throws {
        var rng = SeededRandom(seed: 14)
        for n in [2, 3, 7, 64, 257, 1000] {
            let x = (0..<n).map { _ in Double(rng.nextInt(below: 6)) }
            let y = x.map { $0 + Double(rng.nextInt(below: 5)) }
            let expected = try #require(Self.pairCountTauB(x, y))
            let tau = try #require(RankCorrelation.kendallTauB(x, y))
            #expect(abs(tau - expected) < 1e-12, "n = \(n): \(tau) vs \(expected)")
        }
    }

    @Test("hand-worked samples; constant or NaN samples and single pairs have no correlation")
    func smallSamples() {
        // x = 1 2 3 4, y = 1 3 2 4: one discordant pair of six → tau = (5-1)/6; rho = 1 - 6*2/(4*15) = 0.8.
        #expect(abs(RankCorrelation.kendallTauB([1, 2, 3, 4], [1, 3, 2, 4])! - 4.0 / 6) < 1e-15)
        #expect(abs(RankCorrelation.spearman([1, 2, 3, 4], [1, 3, 2, 4])! - 0.8) < 1e-15)
        #expect(RankCorrelation.averageRanks([10, 20, 20, 5]) == [2, 3.5, 3.5, 1])
        #expect(RankCorrelation.spearman([1, 1, 1], [1, 2, 3]) == nil)
        #expect(RankCorrelation.kendallTauB([1, 2, 3], [4, 4, 4]) == nil)
        #expect(RankCorrelation.kendallTauB([1], [2]) == nil)
        #expect(RankCorrelation.kendallTauB([1, .nan, 3], [1, 2, 3]) == nil)
        #expect(RankCorrelation.spearman([1, 2, 3], [1, .nan, 3]) == nil)
    }

    /// τ-b by its definition: every pair classified as concordant, discordant or tied.
    static func pairCountTauB(_ x: [Double], _ y: [Double]) -> Double? {
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
}
