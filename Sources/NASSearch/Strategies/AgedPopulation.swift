import NASSpaces

/// An evolution population in age order, kept in a ring so that replacing the oldest member moves nothing.
///
/// Members are addressed by age rank (0: the oldest). Checkpoints hold the plain array of
/// members, oldest first, so the ring's rotation never shows outside.
struct AgedPopulation: Codable, Sendable {
    /// The members; the oldest is at `oldest`, the others follow in age order, wrapping around.
    private var ring: [Observation] = []
    /// Where the oldest member is in `ring`.
    private var oldest = 0

    /// Creates an empty population with room for `capacity` members.
    init(capacity: Int = 0) { ring.reserveCapacity(capacity) }

    /// Reads the members, oldest first.
    init(from decoder: any Decoder) throws {
        ring = try decoder.singleValueContainer().decode([Observation].self)
    }

    /// Writes the members, oldest first.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(members)
    }

    /// The number of members.
    var count: Int { ring.count }
    /// Whether there is no member.
    var isEmpty: Bool { ring.isEmpty }

    /// The members, oldest first.
    var members: [Observation] { oldest == 0 ? ring : Array(ring[oldest...] + ring[..<oldest]) }

    /// Where the member of age rank `rank` is in the ring.
    private func position(_ rank: Int) -> Int {
        let p = oldest + rank
        return p < ring.count ? p : p - ring.count
    }

    /// The score of the member of age rank `rank`.
    func score(atRank rank: Int) -> Double { ring[position(rank)].score }
    /// The architecture of the member of age rank `rank`.
    func architecture(atRank rank: Int) -> Architecture { ring[position(rank)].architecture }

    /// Adds the youngest member.
    mutating func append(_ member: consuming Observation) {
        normalize()
        ring.append(member)
    }

    /// Puts `member` (the youngest) in the place of the oldest, which leaves.
    @inline(__always) mutating func replaceOldest(with member: consuming Observation) {
        replaceOldest(architecture: member.architecture, fidelity: member.fidelity, score: member.score)
    }

    /// Puts the youngest member, given by its parts, in the place of the oldest, which leaves; the parts
    /// are written into the ring's slot in place.
    @inline(__always) mutating func replaceOldest(architecture: Architecture, fidelity: Fidelity, score: Double) {
        guard !ring.isEmpty else {
            ring.append(Observation(architecture: architecture, fidelity: fidelity, score: score))
            return
        }
        ring.withUnsafeMutableBufferPointer { members in
            members[oldest].architecture = architecture
            members[oldest].fidelity = fidelity
            members[oldest].score = score
        }
        oldest = position(1)
    }

    /// Removes the member of age rank `rank`.
    mutating func remove(atRank rank: Int) {
        normalize()
        ring.remove(at: rank)
    }

    /// Rotates the ring so the oldest member comes first.
    private mutating func normalize() {
        guard oldest != 0 else { return }
        ring = members
        oldest = 0
    }
}
