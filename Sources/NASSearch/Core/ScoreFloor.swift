/// Turns scores that may be `-infinity` (infeasible, failed) into finite rewards for learners.
///
/// Learners (RL controllers, surrogates) need finite numbers; an infeasible architecture is
/// given a reward a little below the worst finite score seen so far, so it is still the worst.
struct ScoreFloor: Codable, Sendable, Hashable {
    /// The lowest finite score seen.
    private(set) var lowest: Double?
    /// The highest finite score seen.
    private(set) var highest: Double?

    /// Records a score (ignores non-finite ones).
    mutating func observe(_ score: Double) {
        guard score.isFinite else { return }
        lowest = min(lowest ?? score, score)
        highest = max(highest ?? score, score)
    }

    /// The score itself when finite, otherwise a value below every finite score seen.
    func finite(_ score: Double) -> Double {
        if score.isFinite { return score }
        guard let lo = lowest, let hi = highest else { return 0 }
        return lo - max(hi - lo, 1e-3)
    }
}
