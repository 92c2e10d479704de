import NASSpaces

/// Hands out proposal ids in ask order and remembers which proposals still await results.
struct ProposalCounter: Codable, Sendable, Hashable {
    /// The id the next proposal gets.
    private(set) var nextID = 0
    /// The ids of proposals asked for and not yet told.
    private(set) var pending: Set<Int> = []

    /// A new proposal for `architecture` at `fidelity`, recorded as pending.
    mutating func propose(_ architecture: Architecture, fidelity: Fidelity = .full) -> Proposal {
        let proposal = Proposal(id: nextID, architecture: architecture, fidelity: fidelity)
        nextID += 1
        pending.insert(proposal.id)
        return proposal
    }

    /// Marks a proposal as answered; throws if the strategy never made it.
    mutating func resolve(_ proposal: Proposal, strategy: String) throws {
        guard pending.remove(proposal.id) != nil else {
            throw StrategyError("\(strategy) was told about proposal \(proposal.id), which it has not asked for or was already told")
        }
    }

    /// How many proposals await results.
    var pendingCount: Int { pending.count }
}
