import NASSpaces

/// One evaluated proposal in a `SearchLoop` run: what was asked, what came back, and the running totals.
public struct SearchTrial: Sendable, Hashable, Codable {
    /// The proposal.
    public var proposal: Proposal
    /// The evaluator's result.
    public var result: TrialResult
    /// The objective's score (`-infinity` when infeasible).
    public var score: Double
    /// Simulated seconds spent when this trial finished.
    public var simulatedClock: Double
    /// The best score among trials at the highest fidelity so far, including this one.
    public var bestScore: Double

    /// Creates a record.
    public init(proposal: Proposal, result: TrialResult, score: Double, simulatedClock: Double, bestScore: Double) {
        self.proposal = proposal
        self.result = result
        self.score = score
        self.simulatedClock = simulatedClock
        self.bestScore = bestScore
    }
}
