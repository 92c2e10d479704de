import NASCore

/// A `SpaceSpec` laid out over token positions: the compiled form `ComposedSpace` works on.
struct SpecNode: Sendable {
    /// What the node is, with its children.
    indirect enum Kind: Sendable {
        case choice([String])
        case alternatives([String], [SpecNode])
        case sequence([SpecNode])
        case repeatBlock(ClosedRange<Int>, [SpecNode])
        case inputs(InputPattern, InputMerge, iteration: Int)
        case cell(nodes: Int, operations: [String])
        case fixedCell(nodes: Int, operations: [String])
        case skeleton(CellSkeleton, SpecNode)
    }

    let kind: Kind
    /// The node's path-qualified name.
    let name: String
    /// The first token position the node owns.
    let offset: Int
    /// The number of token positions it owns.
    let width: Int
    /// The number of distinct members of the subtree.
    let count: BigCount

    /// Compiles a spec starting at token `offset`, appending its decisions; `iteration` is the
    /// index within the innermost enclosing repeat (nil outside any repeat).
    static func compile(_ spec: SpaceSpec, path: String, iteration: Int?, offset: Int,
                        decisions: inout [Decision]) throws -> SpecNode {
        func qualified(_ n: String) -> String { path.isEmpty ? n : "\(path).\(n)" }
        switch spec {
        case let .choice(name, options):
            guard !options.isEmpty else { throw SpaceError("choice '\(name)' has no options") }
            try checkLabels(name, options)
            decisions.append(Decision(name: qualified(name), options: options))
            return SpecNode(kind: .choice(options), name: qualified(name), offset: offset, width: 1, count: BigCount(options.count))
        case let .alternatives(name, branches):
            guard !branches.isEmpty else { throw SpaceError("alternatives '\(name)' has no branches") }
            try checkLabels(name, branches.map(\.label))
            decisions.append(Decision(name: qualified(name), options: branches.map(\.label)))
            var next = offset + 1
            var bodies: [SpecNode] = []
            for br in branches {
                let body = try compile(br.body, path: qualified(name) + "[\(br.label)]", iteration: iteration, offset: next, decisions: &decisions)
                next += body.width
                bodies.append(body)
            }
            let total = bodies.reduce(BigCount.zero) { $0 + $1.count }
            return SpecNode(kind: .alternatives(branches.map(\.label), bodies), name: qualified(name), offset: offset,
                            width: next - offset, count: total)
        case .sequence(let parts):
            var next = offset
            var children: [SpecNode] = []
            for p in parts {
                let child = try compile(p, path: path, iteration: iteration, offset: next, decisions: &decisions)
                next += child.width
                children.append(child)
            }
            return SpecNode(kind: .sequence(children), name: path, offset: offset, width: next - offset,
                            count: children.reduce(BigCount.one) { $0 * $1.count })
        case let .repeat(name, depths, body):
            return try compileRepeat(qualified(name), depths, body, offset: offset, decisions: &decisions)
        case let .inputs(name, pattern, merge):
            guard let i = iteration else { throw SpaceError("inputs '\(name)' must be inside a repeat") }
            let flags = pattern == .chosen ? i : 0
            for j in 0..<flags {
                decisions.append(Decision(name: qualified(name) + (j == 0 ? ".from_in" : ".from_\(j - 1)"), options: ["no", "yes"]))
            }
            return SpecNode(kind: .inputs(pattern, merge, iteration: i), name: qualified(name), offset: offset, width: flags,
                            count: BigCount(2).power(flags))
        case let .cell(name, nodes, operations):
            return try compileCell(qualified(name), nodes: nodes, operations: operations, offset: offset, decisions: &decisions)
        case let .fixedCell(name, nodes, operations):
            return try compileFixedCell(qualified(name), nodes: nodes, operations: operations, offset: offset, decisions: &decisions)
        case let .skeleton(skeleton, cell):
            // One body, decoded at every cell position: its decisions, width and count are the cell's.
            let body = try compile(cell, path: path, iteration: iteration, offset: offset, decisions: &decisions)
            return SpecNode(kind: .skeleton(skeleton, body), name: path, offset: offset, width: body.width, count: body.count)
        }
    }

    /// Names and option labels appear in the `name=value, …` text, so they cannot hold `,` or `=`.
    private static func checkLabels(_ name: String, _ labels: [String]) throws {
        for text in [name] + labels where text.isEmpty || text.contains(",") || text.contains("=") {
            throw SpaceError("'\(text)' in '\(name)': names and options must be non-empty and cannot contain ',' or '='")
        }
        if Set(labels).count != labels.count { throw SpaceError("'\(name)' lists an option twice") }
    }

    private static func compileRepeat(_ name: String, _ depths: ClosedRange<Int>, _ body: SpaceSpec, offset: Int,
                                      decisions: inout [Decision]) throws -> SpecNode {
        guard depths.lowerBound >= 0, depths.upperBound <= 64 else {
            throw SpaceError("repeat '\(name)': the depth range \(depths) must lie within 0...64")
        }
        decisions.append(Decision(name: name, options: depths.map(String.init)))
        var next = offset + 1
        var bodies: [SpecNode] = []
        for i in 0..<depths.upperBound {
            let b = try compile(body, path: "\(name)[\(i)]", iteration: i, offset: next, decisions: &decisions)
            next += b.width
            bodies.append(b)
        }
        var total = BigCount.zero
        for d in depths { total = total + bodies.prefix(d).reduce(BigCount.one) { $0 * $1.count } }
        return SpecNode(kind: .repeatBlock(depths, bodies), name: name, offset: offset, width: next - offset, count: total)
    }

    private static func compileCell(_ name: String, nodes: Int, operations: [String], offset: Int,
                                    decisions: inout [Decision]) throws -> SpecNode {
        guard nodes >= 1, !operations.isEmpty else { throw SpaceError("cell '\(name)' needs at least one node and one op") }
        for op in operations { _ = try Operation(named: op) }
        var total = BigCount.one
        for j in 1...nodes {
            for k in 1...2 {
                decisions.append(Decision(name: "\(name).node\(j).in\(k)", options: (0..<j).map(String.init)))
                decisions.append(Decision(name: "\(name).node\(j).op\(k)", options: operations))
            }
            total = total * BigCount(j * operations.count).power(2)
        }
        return SpecNode(kind: .cell(nodes: nodes, operations: operations), name: name, offset: offset, width: 4 * nodes, count: total)
    }

    /// A fixed DAG: one decision per edge i → j (i < j ≤ nodes), named `edge_j_i` as in NAS-Bench-201,
    /// ordered by target, then source.
    private static func compileFixedCell(_ name: String, nodes: Int, operations: [String], offset: Int,
                                         decisions: inout [Decision]) throws -> SpecNode {
        guard (1...8).contains(nodes), !operations.isEmpty else {
            throw SpaceError("cell '\(name)' needs 1 to 8 nodes and at least one op")
        }
        for op in operations { _ = try Operation(named: op) }
        try checkLabels(name, operations)
        for (to, from) in fixedCellEdges(nodes) {
            decisions.append(Decision(name: "\(name).edge_\(to)_\(from)", options: operations))
        }
        let edges = fixedCellEdges(nodes).count
        return SpecNode(kind: .fixedCell(nodes: nodes, operations: operations), name: name, offset: offset, width: edges,
                        count: BigCount(operations.count).power(edges))
    }

    /// The edges (to, from) of a fixed DAG of `nodes` nodes after the input, in token order.
    static func fixedCellEdges(_ nodes: Int) -> [(to: Int, from: Int)] {
        (1...nodes).flatMap { to in (0..<to).map { (to: to, from: $0) } }
    }

    /// Marks the positions that count for `tokens` (out-of-range selectors activate nothing below them).
    func markActive(_ tokens: [Int], _ active: inout [Bool]) {
        switch kind {
        case .choice:
            active[offset] = true
        case let .alternatives(labels, bodies):
            active[offset] = true
            let k = tokens[offset]
            if labels.indices.contains(k) { bodies[k].markActive(tokens, &active) }
        case .sequence(let children):
            for c in children { c.markActive(tokens, &active) }
        case let .repeatBlock(depths, bodies):
            active[offset] = true
            let d = depths.lowerBound + tokens[offset]
            if depths.contains(d) { for b in bodies.prefix(d) { b.markActive(tokens, &active) } }
        case .inputs, .cell, .fixedCell:
            for p in offset..<(offset + width) { active[p] = true }
        case let .skeleton(_, body):
            body.markActive(tokens, &active)
        }
    }

    /// Writes a uniformly random member of the subtree into `tokens`.
    func sample(_ tokens: inout [Int], _ rng: inout SeededRandom) {
        switch kind {
        case .choice(let options):
            tokens[offset] = rng.nextInt(below: options.count)
        case let .alternatives(_, bodies):
            let k = SpecNode.weightedPick(bodies.map(\.count.doubleValue), &rng)
            tokens[offset] = k
            bodies[k].sample(&tokens, &rng)
        case .sequence(let children):
            for c in children { c.sample(&tokens, &rng) }
        case let .repeatBlock(depths, bodies):
            let weights = depths.map { d in bodies.prefix(d).reduce(1.0) { $0 * $1.count.doubleValue } }
            let k = SpecNode.weightedPick(weights, &rng)
            tokens[offset] = k
            for b in bodies.prefix(depths.lowerBound + k) { b.sample(&tokens, &rng) }
        case .inputs:
            for p in offset..<(offset + width) { tokens[p] = rng.nextInt(below: 2) }
        case let .cell(nodes, operations):
            for j in 1...nodes {
                let base = offset + 4 * (j - 1)
                for k in 0..<2 {
                    tokens[base + 2 * k] = rng.nextInt(below: j)
                    tokens[base + 2 * k + 1] = rng.nextInt(below: operations.count)
                }
            }
        case let .fixedCell(_, operations):
            for p in offset..<(offset + width) { tokens[p] = rng.nextInt(below: operations.count) }
        case let .skeleton(_, body):
            body.sample(&tokens, &rng)
        }
    }

    private static func weightedPick(_ weights: [Double], _ rng: inout SeededRandom) -> Int {
        let total = weights.reduce(0, +)
        guard total.isFinite, total > 0 else { return rng.nextInt(below: weights.count) }
        var r = rng.nextDouble() * total
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }

    /// Every member of the subtree, as assignments to its own positions (relative to `offset`).
    func members() -> [[Int]] {
        switch kind {
        case .choice(let options):
            return options.indices.map { [$0] }
        case let .alternatives(_, bodies):
            var result: [[Int]] = []
            for (k, b) in bodies.enumerated() {
                let before = b.offset - offset - 1, after = width - 1 - before - b.width
                for m in b.members() {
                    result.append([k] + [Int](repeating: 0, count: before) + m + [Int](repeating: 0, count: after))
                }
            }
            return result
        case .sequence(let children):
            return children.reduce([[]]) { acc, c in acc.flatMap { p in c.members().map { p + $0 } } }
        case let .repeatBlock(depths, bodies):
            var result: [[Int]] = []
            for (k, d) in depths.enumerated() {
                var partial: [[Int]] = [[k]]
                for b in bodies.prefix(d) { partial = partial.flatMap { p in b.members().map { p + $0 } } }
                result += partial.map { $0 + [Int](repeating: 0, count: width - $0.count) }
            }
            return result
        case .inputs:
            return (0..<(1 << width)).map { bits in (0..<width).map { (bits >> $0) & 1 } }
        case let .cell(nodes, operations):
            var result: [[Int]] = [[]]
            for j in 1...nodes {
                for _ in 0..<2 {
                    result = result.flatMap { p in (0..<j).flatMap { i in operations.indices.map { p + [i, $0] } } }
                }
            }
            return result
        case let .fixedCell(_, operations):
            return (0..<width).reduce([[]]) { acc, _ in acc.flatMap { p in operations.indices.map { p + [$0] } } }
        case let .skeleton(_, body):
            return body.members()
        }
    }
}
