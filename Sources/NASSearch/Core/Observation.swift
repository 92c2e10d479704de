import NASSpaces

/// One architecture a strategy has been told about: where it was evaluated and how it scored.
///
/// Scores are "higher is better"; an infeasible or failed trial scores `-infinity`.
public struct Observation: Sendable, Hashable, Codable {
    /// The evaluated architecture.
    public var architecture: Architecture
    /// The fidelity it was evaluated at.
    public var fidelity: Fidelity
    /// The objective's score (higher is better, `-infinity` when infeasible or failed).
    public var score: Double

    /// Creates an observation.
    public init(architecture: Architecture, fidelity: Fidelity = .full, score: Double) {
        self.architecture = architecture
        self.fidelity = fidelity
        self.score = score
    }
}
