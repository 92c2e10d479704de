import NASSpaces

/// The best score at the largest fidelity seen so far.
struct IncumbentTracker {
    /// The largest epoch count seen (`Int.max` for full fidelity).
    private var topFidelity = Int.min
    /// The best score at that fidelity.
    private(set) var best = -Double.infinity

    /// Records one trial.
    mutating func record(_ score: Double, fidelity: Fidelity) {
        let level = fidelity.epochs ?? Int.max
        if level > topFidelity {
            topFidelity = level
            best = score
        } else if level == topFidelity {
            best = max(best, score)
        }
    }
}
