import NASSpaces

/// Hands out proposal ids in ask order and remembers which proposals still await results.
///
/// Pending ids are kept in ascending order in a plain array: ids are handed out in increasing
/// order, so recording one is an append, and a loop that asks one at a time resolves the last
/// one, which is a removal from the end. A checkpoint writes them as a JSON array, as a set would be written.
struct ProposalCounter: Codable, Sendable, Hashable {
    /// The id the next proposal gets.
    private(set) var nextID = 0
    /// The ids of proposals asked for and not yet told, ascending.
    private(set) var pending: [Int] = []

    /// Creates a counter with no proposal made.
    init() {}

    private enum CodingKeys: String, CodingKey { case nextID, pending }

    /// Reads a counter back, whatever order its pending ids were written in.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nextID = try container.decode(Int.self, forKey: .nextID)
        pending = Array(Set(try container.decode([Int].self, forKey: .pending))).sorted()
    }

    /// A new proposal for `architecture` at `fidelity`, recorded as pending.
    mutating func propose(_ architecture: Architecture, fidelity: Fidelity = .full) -> Proposal {
        let proposal = Proposal(id: nextID, architecture: architecture, fidelity: fidelity)
        nextID += 1
        pending.append(proposal.id)
        return proposal
    }

    /// Marks a proposal as answered; throws if the strategy never made it.
    mutating func resolve(_ proposal: Proposal, strategy: String) throws {
        if pending.last == proposal.id {
            pending.removeLast()
            return
        }
        guard let position = position(of: proposal.id) else {
            throw StrategyError("\(strategy) was told about proposal \(proposal.id), which it has not asked for or was already told")
        }
        pending.remove(at: position)
    }

    /// Where `id` is among the pending ids (binary search), if it is pending.
    private func position(of id: Int) -> Int? {
        var low = 0, high = pending.count
        while low < high {
            let middle = (low + high) / 2
            if pending[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < pending.count && pending[low] == id ? low : nil
    }

    /// How many proposals await results.
    var pendingCount: Int { pending.count }
}
