import NASCore
import NASSpaces

/// What a run has done, counted in one place: spending, failures, cached results and the incumbent.
///
/// The incumbent is the best score among trials at the largest fidelity seen so far (so a
/// successive-halving run is not credited with a lucky low-fidelity score). The in-memory study,
/// the store-backed run, its resume and the progress of a stored run all count through `count`.
public struct LoopTally: Sendable, Hashable {
    /// Trials finished, real and simulated seconds spent.
    public var spent = Spending()
    /// Finished trials that failed.
    public var failed = 0
    /// Finished trials whose result came from a cache.
    public var cached = 0
    /// The best score at the largest fidelity seen (`-infinity` when none is feasible).
    public private(set) var bestScore = -Double.infinity
    /// The largest epoch count seen (`Int.max` for a full-fidelity trial).
    private var topFidelity = Int.min

    /// An empty tally.
    public init() {}

    /// Counts one finished trial; returns whether it is the new incumbent (the first of equals stays).
    @discardableResult @inline(__always)
    public mutating func count(score: Double, fidelity: Fidelity, simulatedSeconds: Double, failed: Bool, cached: Bool) -> Bool {
        spent.trials += 1
        spent.simulatedSeconds += simulatedSeconds
        if failed { self.failed += 1 }
        if cached { self.cached += 1 }
        let level = fidelity.epochs ?? Int.max
        if level > topFidelity {
            topFidelity = level
            bestScore = score
            return score.isFinite
        }
        guard level == topFidelity, score > bestScore else { return false }
        bestScore = score
        return true
    }
}
