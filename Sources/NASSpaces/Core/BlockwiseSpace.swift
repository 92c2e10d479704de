/// A space whose architectures choose one block per position of a fixed skeleton.
///
/// FBNet's 22 layers and a chain of fixed depth are blockwise: a position's choices never change
/// the other positions' places in the network. Latency tables have one entry per block choice
/// in its position, specified networks repeat one block type at every position, and search-space
/// profiling changes one block at a time; all of them need only this protocol. The network of
/// an architecture names each position's nodes with the position's scope (`stage2.layer3.…`),
/// so that `blockParts` can cut it into the parts a latency table measures standalone.
public protocol BlockwiseSpace: SearchSpace {
    /// The number of block positions.
    var blockCount: Int { get }
    /// The block types position `position` may take, by name, in choice order.
    func blockOptions(at position: Int) -> [String]
    /// The choice (an index into `blockOptions(at:)`) at each position.
    func blockChoices(of architecture: Architecture) -> [Int]
    /// The architecture with these choices, one per position.
    func architecture(blockChoices: [Int]) throws -> Architecture
    /// The name scope of position `position`'s nodes in the network (`stage2.layer3`).
    func blockScope(_ position: Int) -> String
}

extension BlockwiseSpace {
    /// Every block type that some position offers, in first-seen order.
    public var blockTypes: [String] {
        var seen: [String] = []
        for p in 0..<blockCount { for o in blockOptions(at: p) where !seen.contains(o) { seen.append(o) } }
        return seen
    }

    /// The specified network of a block type (Zeng et al.): every position that offers `type`
    /// takes it; nil when some position does not offer it.
    public func specifiedNetwork(_ type: String) throws -> Architecture? {
        var choices: [Int] = []
        for p in 0..<blockCount {
            guard let c = blockOptions(at: p).firstIndex(of: type) else { return nil }
            choices.append(c)
        }
        return try architecture(blockChoices: choices)
    }

    /// `architecture` with position `position` changed to block type `type` (nil when the position does not offer it).
    public func replacing(_ architecture: Architecture, position: Int, with type: String) throws -> Architecture? {
        guard let c = blockOptions(at: position).firstIndex(of: type) else { return nil }
        var choices = blockChoices(of: architecture)
        choices[position] = c
        return try self.architecture(blockChoices: choices)
    }

    /// The network of `architecture` cut into its parts, in network order: what comes before the
    /// first block (`stem`), each block, and what follows the last (`head`), each as a network of
    /// its own reading the shape the part reads in the whole network.
    public func blockParts(of architecture: Architecture, input: TensorShape, classes: Int) throws -> [BlockPart] {
        let spec = try network(architecture, input: input, classes: classes)
        let choices = blockChoices(of: architecture)
        var parts: [BlockPart] = []
        var next = 0
        for p in 0..<blockCount {
            let scope = blockScope(p) + "."
            guard let first = spec.nodes[next...].firstIndex(where: { $0.name.hasPrefix(scope) }) else {
                throw SpaceError("the \(name) network has no nodes in the scope '\(blockScope(p))' of position \(p + 1)")
            }
            if first > next { parts.append(BlockPart(kind: p == 0 ? .stem : .between(p), spec: try spec.slice(next..<first))) }
            var end = first
            while end < spec.nodes.count && spec.nodes[end].name.hasPrefix(scope) { end += 1 }
            parts.append(BlockPart(kind: .block(p, blockOptions(at: p)[choices[p]]), spec: try spec.slice(first..<end)))
            next = end
        }
        if next < spec.nodes.count { parts.append(BlockPart(kind: .head, spec: try spec.slice(next..<spec.nodes.count))) }
        return parts
    }
}

extension BlockwiseSpace where Self: GroupedSearchSpace {
    /// One token per position: the token is the choice (FBNet, basenet).
    public func blockChoices(of architecture: Architecture) -> [Int] { architecture.tokens }

    /// The architecture whose tokens are the choices, validated.
    public func architecture(blockChoices: [Int]) throws -> Architecture {
        let a = Architecture(space: name, tokens: blockChoices)
        try validate(a)
        return a
    }

    /// The scope `stage<s>.layer<position + 1>` of a skeleton whose stages hold `lengths` positions each.
    static func stageScope(_ position: Int, stageLengths lengths: [Int]) -> String {
        var first = 0
        for (s, length) in lengths.enumerated() {
            if position < first + length { return "stage\(s + 1).layer\(position + 1)" }
            first += length
        }
        return "layer\(position + 1)"
    }
}
