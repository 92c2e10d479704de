import NASCore

/// A blockwise space cut down by search-space profiling: each position keeps some of its parent's block types.
///
/// Its architectures are the parent's own (same space name, same tokens), so every evaluator,
/// latency table and store entry of the parent answers them; it keeps the parent's name for that
/// reason. Sampling, mutation, neighbours, crossover and enumeration stay inside the kept block
/// types, so any strategy searches only the profiled part. `ranking` holds the scored networks the
/// cut was made from, best first, and `profile` says how they were scored and cut.
public struct ProfiledSpace: BlockwiseSpace {
    /// The space profiled.
    public let parent: any BlockwiseSpace
    /// For each position, the parent's choices kept (indices into `parent.blockOptions(at:)`), ascending.
    public let kept: [[Int]]
    /// The networks scored, best (lowest cost) first.
    public let ranking: [ProfiledNetwork]
    /// How the networks were scored and cut, in one line.
    public let profile: String

    /// The parent restricted to `kept` choices per position (each position at least one, in range).
    public init(parent: any BlockwiseSpace, kept: [[Int]], ranking: [ProfiledNetwork] = [], profile: String = "") throws {
        guard kept.count == parent.blockCount else {
            throw SpaceError("a profiled \(parent.name) space needs kept blocks for each of its \(parent.blockCount) positions, got \(kept.count)")
        }
        for (p, choices) in kept.enumerated() {
            let options = parent.blockOptions(at: p).count
            guard !choices.isEmpty else { throw SpaceError("position \(p + 1) of the profiled \(parent.name) space keeps no block") }
            guard choices.allSatisfy({ (0..<options).contains($0) }) else {
                throw SpaceError("position \(p + 1) offers \(options) blocks; kept choices \(choices) are out of range")
            }
        }
        self.parent = parent
        self.kept = kept.map { Array(Set($0)).sorted() }
        self.ranking = ranking
        self.profile = profile
    }

    /// The parent restricted to the block types named per position.
    public init(parent: any BlockwiseSpace, keeping types: [[String]]) throws {
        guard types.count == parent.blockCount else {
            throw SpaceError("a profiled \(parent.name) space needs kept blocks for each of its \(parent.blockCount) positions, got \(types.count)")
        }
        let kept = try types.enumerated().map { p, names in
            try names.map { n in
                guard let c = parent.blockOptions(at: p).firstIndex(of: n) else {
                    throw SpaceError("position \(p + 1) of \(parent.name) offers no block '\(n)' (it offers \(parent.blockOptions(at: p).joined(separator: ", ")))")
                }
                return c
            }
        }
        try self.init(parent: parent, kept: kept)
    }

    /// The block types kept at each position, by name.
    public var keptTypes: [[String]] {
        kept.enumerated().map { p, choices in choices.map { parent.blockOptions(at: p)[$0] } }
    }

    public var name: String { parent.name }
    public var decisions: [Decision] { parent.decisions }
    /// Each position's decision with only the block types kept (the tokens still index the parent's).
    public var offeredDecisions: [Decision] {
        let all = parent.decisions
        guard all.count == kept.count else { return all }
        return zip(all, keptTypes).map { Decision(name: $0.name, options: $1) }
    }
    public var size: BigCount { kept.reduce(BigCount.one) { $0 * BigCount($1.count) } }
    public var defaultInput: TensorShape { parent.defaultInput }
    public var defaultClasses: Int { parent.defaultClasses }
    public var paper: String { parent.paper }

    public var help: String {
        let positions = keptTypes.enumerated().map { "\($0 + 1): \($1.joined(separator: " "))" }.joined(separator: "; ")
        return "The \(parent.name) space profiled (\(size) of its \(parent.size) architectures): per position \(positions)."
            + (profile.isEmpty ? "" : " " + profile)
    }

    public func validate(_ architecture: Architecture) throws {
        try parent.validate(architecture)
        for (p, c) in parent.blockChoices(of: architecture).enumerated() where !kept[p].contains(c) {
            throw SpaceError("position \(p + 1): block '\(parent.blockOptions(at: p)[c])' was profiled out of \(name) (kept: \(keptTypes[p].joined(separator: ", ")))")
        }
    }

    public func canonical(_ architecture: Architecture) -> String { parent.canonical(architecture) }
    public func identity(_ architecture: Architecture) -> String { parent.identity(architecture) }
    public func diagram(_ architecture: Architecture) -> String { parent.diagram(architecture) }
    public func dot(_ architecture: Architecture) -> String { parent.dot(architecture) }

    public func parse(_ text: String) throws -> Architecture {
        let a = try parent.parse(text)
        try validate(a)
        return a
    }

    public func network(_ architecture: Architecture, input: TensorShape, classes: Int) throws -> NetworkSpec {
        try validate(architecture)
        return try parent.network(architecture, input: input, classes: classes)
    }

    public func encode(_ architecture: Architecture, as encoding: ArchitectureEncoding) throws -> [Double] {
        try parent.encode(architecture, as: encoding)
    }

    public func sample(using rng: inout SeededRandom) -> Architecture {
        member(kept.map { $0[rng.nextInt(below: $0.count)] })
    }

    public func mutate(_ architecture: Architecture, using rng: inout SeededRandom) -> Architecture {
        let movable = kept.indices.filter { kept[$0].count > 1 }
        guard !movable.isEmpty else { return architecture }
        var choices = parent.blockChoices(of: architecture)
        let p = movable[rng.nextInt(below: movable.count)]
        let others = kept[p].filter { $0 != choices[p] }
        choices[p] = others[rng.nextInt(below: others.count)]
        return member(choices)
    }

    public func neighbors(_ architecture: Architecture) -> [Architecture] {
        let choices = parent.blockChoices(of: architecture)
        var result: [Architecture] = []
        for p in kept.indices {
            for c in kept[p] where c != choices[p] {
                var changed = choices
                changed[p] = c
                result.append(member(changed))
            }
        }
        return result
    }

    public func crossover(_ a: Architecture, _ b: Architecture, using rng: inout SeededRandom) -> Architecture {
        let ca = parent.blockChoices(of: a), cb = parent.blockChoices(of: b)
        return member(zip(ca, cb).map { rng.nextInt(below: 2) == 0 ? $0.0 : $0.1 })
    }

    public func enumerate(limit: Int) throws -> [Architecture] {
        guard let n = size.intValue, n <= limit else {
            throw SpaceError("the profiled \(name) space has \(size) architectures, more than the limit of \(limit) for enumeration")
        }
        var result: [[Int]] = [[]]
        for choices in kept { result = result.flatMap { prefix in choices.map { prefix + [$0] } } }
        return result.map(member)
    }

    /// The parent's architecture with these choices (kept ones, so always valid).
    private func member(_ choices: [Int]) -> Architecture {
        (try? parent.architecture(blockChoices: choices)) ?? Architecture(space: name, tokens: choices)
    }

    // BlockwiseSpace: positions offer only their kept block types.

    public var blockCount: Int { parent.blockCount }
    public func blockOptions(at position: Int) -> [String] { keptTypes[position] }
    public func blockScope(_ position: Int) -> String { parent.blockScope(position) }

    public func blockChoices(of architecture: Architecture) -> [Int] {
        parent.blockChoices(of: architecture).enumerated().map { p, c in kept[p].firstIndex(of: c) ?? 0 }
    }

    public func architecture(blockChoices: [Int]) throws -> Architecture {
        guard blockChoices.count == blockCount else {
            throw SpaceError("the profiled \(name) space has \(blockCount) positions, got \(blockChoices.count) choices")
        }
        let choices = try blockChoices.enumerated().map { p, c in
            guard kept[p].indices.contains(c) else {
                throw SpaceError("position \(p + 1) keeps \(kept[p].count) blocks; choice \(c) is out of range")
            }
            return kept[p][c]
        }
        return try parent.architecture(blockChoices: choices)
    }
}
