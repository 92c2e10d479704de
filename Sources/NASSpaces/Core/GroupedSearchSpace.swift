import NASCore

/// A space whose decisions split into independent groups with listed valid combinations.
///
/// Conforming spaces get exact `size`, uniform `sample`, validity-preserving `mutate`,
/// `neighbors` and `crossover`, `enumerate` and `validate` that names the bad group.
public protocol GroupedSearchSpace: SearchSpace {
    /// The groups, covering `decisions` in order.
    var groups: [DecisionGroup] { get }
    /// A readable name of group `i` for error messages (`unit 3`).
    func groupName(_ i: Int) -> String
}

extension GroupedSearchSpace {
    public var decisions: [Decision] { groups.flatMap(\.decisions) }

    public var size: BigCount { groups.reduce(BigCount.one) { $0 * BigCount($1.members.count) } }

    public func groupName(_ i: Int) -> String { "group \(i + 1)" }

    /// The local token slices of an architecture, one per group.
    public func slices(_ tokens: [Int]) -> [[Int]] {
        var start = 0
        return groups.map { g in
            defer { start += g.decisions.count }
            return Array(tokens[start..<start + g.decisions.count])
        }
    }

    public func validate(_ architecture: Architecture) throws { try validateGroups(architecture) }

    /// The groups' check that `validate` runs by default (the right space and length, each group a
    /// listed member), for spaces that override `validate` to explain some failures better.
    public func validateGroups(_ architecture: Architecture) throws {
        guard architecture.space == name else {
            throw SpaceError("architecture belongs to space '\(architecture.space)', not '\(name)'")
        }
        let count = groups.reduce(0) { $0 + $1.decisions.count }
        guard architecture.tokenCount == count else {
            throw SpaceError("\(name) expects \(count) decisions, got \(architecture.tokenCount)")
        }
        for (g, local) in zip(groups.indices, slices(architecture.tokens)) where groups[g].index(of: local) == nil {
            for (d, t) in zip(groups[g].decisions, local) where !(0..<d.count).contains(t) {
                throw SpaceError("\(groupName(g)): decision '\(d.name)' has \(d.count) options; \(t) is out of range")
            }
            throw SpaceError("\(groupName(g)): decisions that are switched off must hold 0 (\(local))")
        }
    }

    public func sample(using rng: inout SeededRandom) -> Architecture {
        Architecture(space: name, tokens: groups.flatMap { $0.members[rng.nextInt(below: $0.members.count)] })
    }

    public func mutate(_ architecture: Architecture, using rng: inout SeededRandom) -> Architecture {
        var parts = slices(architecture.tokens)
        let movable = groups.indices.filter { groups[$0].members.count > 1 }
        guard !movable.isEmpty else { return architecture }
        let g = movable[rng.nextInt(below: movable.count)]
        guard let current = groups[g].index(of: parts[g]) else { return architecture }
        let options = groups[g].neighbors(of: current)
        guard !options.isEmpty else { return architecture }
        parts[g] = groups[g].members[options[rng.nextInt(below: options.count)]]
        return Architecture(space: name, tokens: parts.flatMap { $0 })
    }

    public func neighbors(_ architecture: Architecture) -> [Architecture] {
        let parts = slices(architecture.tokens)
        var result: [Architecture] = []
        for g in groups.indices {
            guard let current = groups[g].index(of: parts[g]) else { continue }
            for n in groups[g].neighbors(of: current) {
                var changed = parts
                changed[g] = groups[g].members[n]
                result.append(Architecture(space: name, tokens: changed.flatMap { $0 }))
            }
        }
        return result
    }

    public func crossover(_ a: Architecture, _ b: Architecture, using rng: inout SeededRandom) -> Architecture {
        let pa = slices(a.tokens), pb = slices(b.tokens)
        return Architecture(space: name, tokens: zip(pa, pb).flatMap { rng.nextInt(below: 2) == 0 ? $0.0 : $0.1 })
    }

    public func enumerate(limit: Int) throws -> [Architecture] {
        guard let n = size.intValue, n <= limit else {
            throw SpaceError("\(name) has \(size) architectures, more than the limit of \(limit) for enumeration")
        }
        var result: [[Int]] = [[]]
        for g in groups { result = result.flatMap { prefix in g.members.map { prefix + $0 } } }
        return result.map { Architecture(space: name, tokens: $0) }
    }
}
