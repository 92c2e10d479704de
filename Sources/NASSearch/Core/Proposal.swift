import NASSpaces

/// One architecture a strategy wants evaluated, at a fidelity.
public struct Proposal: Sendable, Hashable, Codable {
    /// A number unique within the run, in ask order; `tell` refers to it.
    public var id: Int
    /// The architecture to evaluate.
    public var architecture: Architecture
    /// How much effort to spend (`Fidelity.full` for the evaluator's default).
    public var fidelity: Fidelity

    /// Creates a proposal.
    public init(id: Int, architecture: Architecture, fidelity: Fidelity = .full) {
        self.id = id
        self.architecture = architecture
        self.fidelity = fidelity
    }
}
