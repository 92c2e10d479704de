import NASCore

/// Generic implementations that work from the decision list alone.
extension SearchSpace {
    public var offeredDecisions: [Decision] { decisions }

    public var size: BigCount {
        decisions.reduce(BigCount.one) { $0 * BigCount($1.count) }
    }

    public func validate(_ architecture: Architecture) throws {
        guard architecture.spaceName == SpaceName(name) else {
            throw SpaceError("architecture belongs to space '\(architecture.space)', not '\(name)'")
        }
        guard architecture.tokenCount == decisions.count else {
            throw SpaceError("\(name) expects \(decisions.count) decisions, got \(architecture.tokenCount)")
        }
        for (i, d) in decisions.enumerated() where !(0..<d.count).contains(architecture.token(at: i)) {
            throw SpaceError("decision '\(d.name)' has \(d.count) options; \(architecture.token(at: i)) is out of range")
        }
    }

    public func identity(_ architecture: Architecture) -> String { canonical(architecture) }

    public func pruned(_ architecture: Architecture) -> Architecture { architecture }

    public func sample(using rng: inout SeededRandom) -> Architecture {
        Architecture(space: name, tokens: decisions.map { rng.nextInt(below: $0.count) })
    }

    public func mutate(_ architecture: Architecture, using rng: inout SeededRandom) -> Architecture {
        let mutable = decisions.indices.filter { decisions[$0].count > 1 }
        guard let i = mutable.isEmpty ? nil : mutable[rng.nextInt(below: mutable.count)] else { return architecture }
        let shift = 1 + rng.nextInt(below: decisions[i].count - 1)
        var parent = architecture
        parent.space = name
        return parent.replacingToken(at: i, with: (architecture.token(at: i) + shift) % decisions[i].count)
    }

    public func neighbors(_ architecture: Architecture) -> [Architecture] {
        var result: [Architecture] = []
        var parent = architecture
        parent.space = name
        for (i, d) in decisions.enumerated() {
            for option in 0..<d.count where option != architecture.token(at: i) {
                result.append(parent.replacingToken(at: i, with: option))
            }
        }
        return result
    }

    public func crossover(_ a: Architecture, _ b: Architecture, using rng: inout SeededRandom) -> Architecture {
        let tokens = zip(a.tokens, b.tokens).map { rng.nextInt(below: 2) == 0 ? $0.0 : $0.1 }
        return Architecture(space: name, tokens: tokens)
    }

    public func enumerate(limit: Int) throws -> [Architecture] {
        guard let n = size.intValue, n <= limit else {
            throw SpaceError("\(name) has \(size) architectures, more than the limit of \(limit) for enumeration")
        }
        var result: [Architecture] = []
        result.reserveCapacity(n)
        var tokens = [Int](repeating: 0, count: decisions.count)
        for _ in 0..<n {
            result.append(Architecture(space: name, tokens: tokens))
            for i in stride(from: tokens.count - 1, through: 0, by: -1) {
                tokens[i] += 1
                if tokens[i] < decisions[i].count { break }
                tokens[i] = 0
            }
        }
        return result
    }

    public func encode(_ architecture: Architecture, as encoding: ArchitectureEncoding) throws -> [Double] {
        guard encoding == .onehot else {
            throw SpaceError("\(name) offers only the onehot encoding")
        }
        try validate(architecture)
        return onehotEncoding(decisions, architecture.tokens)
    }
}

/// One one-hot block per decision, concatenated.
func onehotEncoding(_ decisions: [Decision], _ tokens: [Int]) -> [Double] {
    var v: [Double] = []
    for (d, t) in zip(decisions, tokens) {
        var block = [Double](repeating: 0, count: d.count)
        if block.indices.contains(t) { block[t] = 1 }
        v += block
    }
    return v
}
