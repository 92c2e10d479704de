import NASSpaces

/// Hands out proposal ids in ask order and remembers which proposals still await results.
///
/// Ids are handed out in increasing order. The newest pending id is held on its own and the older
/// ones in ascending order in an array, so a loop that asks and tells one at a time (the common
/// case) never touches the array. A checkpoint writes all pending ids as one JSON array, as a set
/// would be written.
struct ProposalCounter: Codable, Sendable, Hashable {
    /// The id the next proposal gets.
    private(set) var nextID = 0
    /// The newest pending id, or -1 when none is pending.
    private var newest = -1
    /// The older pending ids, ascending (all below `newest`).
    private var older: [Int] = []

    /// Creates a counter with no proposal made.
    init() {}

    private enum CodingKeys: String, CodingKey { case nextID, pending }

    /// Reads a counter back, whatever order its pending ids were written in.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nextID = try container.decode(Int.self, forKey: .nextID)
        older = Array(Set(try container.decode([Int].self, forKey: .pending))).sorted()
        newest = older.popLast() ?? -1
    }

    /// Writes the next id and every pending id, ascending.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(nextID, forKey: .nextID)
        try container.encode(pending, forKey: .pending)
    }

    /// The ids of proposals asked for and not yet told, ascending.
    var pending: [Int] { newest < 0 ? older : older + [newest] }

    /// A new proposal for `architecture` at `fidelity`, recorded as pending.
    @inline(__always) mutating func propose(_ architecture: Architecture, fidelity: Fidelity = Fidelity()) -> Proposal {
        if newest >= 0 { older.append(newest) }
        newest = nextID
        nextID += 1
        return Proposal(id: newest, architecture: architecture, fidelity: fidelity)
    }

    /// Marks a proposal as answered; throws if the strategy never made it.
    @inline(__always) mutating func resolve(_ proposal: Proposal, strategy: String) throws {
        if proposal.id == newest {
            newest = older.isEmpty ? -1 : older.removeLast()
            return
        }
        guard let position = position(of: proposal.id) else {
            throw StrategyError("\(strategy) was told about proposal \(proposal.id), which it has not asked for or was already told")
        }
        older.remove(at: position)
    }

    /// Where `id` is among the older pending ids (binary search), if it is one of them.
    private func position(of id: Int) -> Int? {
        var low = 0, high = older.count
        while low < high {
            let middle = (low + high) / 2
            if older[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < older.count && older[low] == id ? low : nil
    }

    /// How many proposals await results.
    var pendingCount: Int { older.count + (newest < 0 ? 0 : 1) }
}
