import Foundation
import NASCore
import NASSpaces

/// The tree-structured Parzen estimator's model for categorical decisions (Bergstra et al. 2011).
///
/// Observations are split at the γ-quantile of their scores into "good" and "bad"; for each
/// decision, `l(x)` and `g(x)` are the smoothed option frequencies in the two groups (one prior
/// count per option). Candidates are drawn from `l`, and the one maximising `Π_d l_d(x)/g_d(x)`,
/// the expected-improvement criterion of TPE, is proposed. Decisions are modelled independently.
struct CategoricalParzenModel {
    /// `l` per decision and option.
    let good: [[Double]]
    /// `g` per decision and option.
    let bad: [[Double]]

    /// Fits the model; `nil` when there are fewer than two observations.
    init?(observations: [Observation], optionCounts: [Int], gamma: Double, priorWeight: Double = 1) {
        guard observations.count >= 2 else { return nil }
        let sorted = observations.sorted { $0.score > $1.score }
        let nGood = min(max(1, Int((gamma * Double(sorted.count)).rounded(.up))), sorted.count - 1)
        good = CategoricalParzenModel.frequencies(sorted.prefix(nGood), optionCounts, priorWeight)
        bad = CategoricalParzenModel.frequencies(sorted.dropFirst(nGood), optionCounts, priorWeight)
    }

    private static func frequencies(_ group: ArraySlice<Observation>, _ counts: [Int], _ prior: Double) -> [[Double]] {
        counts.enumerated().map { d, count in
            var f = Array(repeating: prior, count: count)
            for o in group { f[o.architecture.token(at: d)] += 1 }
            let total = f.reduce(0, +)
            return f.map { $0 / total }
        }
    }

    /// `log Π_d l_d(x)/g_d(x)`.
    func logRatio(_ tokens: [Int]) -> Double {
        tokens.enumerated().reduce(0) { $0 + log(good[$1.offset][$1.element]) - log(bad[$1.offset][$1.element]) }
    }

    /// Draws `candidates` token strings from `l` and returns the one with the best ratio among
    /// those `isAllowed` accepts (already evaluated ones are usually excluded); `nil` if none is.
    func propose(candidates: Int, rng: inout SeededRandom, isAllowed: ([Int]) -> Bool = { _ in true }) -> [Int]? {
        var best: [Int]?
        var bestRatio = -Double.infinity
        for _ in 0..<max(candidates, 1) {
            let tokens = good.map { rng.categorical($0) }
            let r = logRatio(tokens)
            if r > bestRatio, isAllowed(tokens) {
                best = tokens
                bestRatio = r
            }
        }
        return best
    }
}
