/// The supernet of a composed space whose every decision picks an op for a fixed position (the chain spaces with one depth, stride and width).
///
/// Rows are the op decisions (a `choice` among op names, or `alternatives` whose branches end in
/// an op), in token order; each is one mixing node over its options' branches. The skeleton must
/// be the same for every architecture, so the supernet throws a `SpaceError` naming the first
/// decision that changes it instead of choosing an op: a depth range (`repeat` with more than one
/// depth), a `width` or `stride` choice with more than one value, chosen skips (`inputs` with
/// yes/no flags), decisions nested inside an alternative's branch, and DAG cells. It also throws
/// when the options of one position leave different shapes or different widths for the layers
/// after it (a chain mixing convolutions, which set the width, with pooling, which keeps the
/// input's, unless the input already has that width). A depth range is not turned into skip
/// options: the chain's default ops have no identity, and where a user lists one, a shorter chain
/// and a longer one with identity layers are different members that a derivation could not tell apart.
extension ComposedSpace: SupernetSpace {
    /// The network of `network(_:input:classes:)` with each op decision's options on their own
    /// branches (scoped by option label) summed by one mixing node.
    public func supernet(input: TensorShape, classes: Int) throws -> SupernetSpec {
        let rows = try supernetRows()
        var d = try SpecDecoder(input: input, tokens: [Int](repeating: 0, count: decisions.count))
        var choices: [ChoicePoint] = []
        try walk(root, &d, rows: rows, choices: &choices)
        let out = try d.builder.chain([(.globalAvgPool, "pool"), (.linear(outFeatures: classes, bias: true), "classifier")], from: d.current)
        return SupernetSpec(network: d.builder.build(output: out), rows: rows.map { decisions[$0] }, choices: choices)
    }

    /// The token positions of the op decisions, in token order; throws naming a decision that changes the skeleton.
    func supernetRows() throws -> [Int] {
        var rows: [Int] = []
        try collectRows(root, &rows)
        return rows
    }

    private func collectRows(_ node: SpecNode, _ rows: inout [Int]) throws {
        switch node.kind {
        case .choice(let options):
            if ComposedSpace.isShapeChoice(node.name) {
                guard options.count == 1 else {
                    throw notAnOp(node.name, "sets the \(ComposedSpace.role(node.name)) of the layers after it", fix: "give it one value")
                }
            } else {
                rows.append(node.offset)
            }
        case let .alternatives(_, bodies):
            for body in bodies {
                var nested: [Int] = []
                try collectRows(body, &nested)
                if let inner = nested.first { throw notAnOp(decisions[inner].name, "is nested inside a branch of '\(node.name)'") }
            }
            rows.append(node.offset)
        case .sequence(let children):
            for c in children { try collectRows(c, &rows) }
        case let .repeatBlock(depths, bodies):
            guard depths.count == 1 else { throw notAnOp(node.name, "chooses a depth within \(depths)", fix: "give it one depth") }
            for b in bodies { try collectRows(b, &rows) }
        case .inputs:
            guard node.width == 0 else { throw notAnOp(decisions[node.offset].name, "chooses whether to read an earlier layer") }
        case .cell, .fixedCell, .skeleton:
            guard node.width == 0 else { throw notAnOp(decisions[node.offset].name, "belongs to a cell, which the supernet does not mix") }
        }
    }

    private func notAnOp(_ decision: String, _ why: String, fix: String? = nil) -> SpaceError {
        SpaceError("\(name) has no weight-sharing supernet: decision '\(decision)' \(why) instead of choosing an op for a fixed position"
            + (fix.map { " (\($0) for a supernet)" } ?? ""))
    }

    /// Whether a choice sets the width or stride of what follows (as `SpecDecoder` reads its name).
    private static func isShapeChoice(_ name: String) -> Bool { ["width", "channels", "stride"].contains(role(name)) }

    private static func role(_ name: String) -> String { name.split(separator: ".").last.map(String.init) ?? name }

    /// Decodes the spec as `network` does, mixing every row's options where the architecture would pick one.
    private func walk(_ node: SpecNode, _ d: inout SpecDecoder, rows: [Int], choices: inout [ChoicePoint]) throws {
        switch node.kind {
        case .sequence(let children):
            for c in children { try walk(c, &d, rows: rows, choices: &choices) }
        case let .repeatBlock(depths, bodies):
            let saved = d.history
            d.history = [d.current]
            for b in bodies.prefix(depths.lowerBound) {
                try walk(b, &d, rows: rows, choices: &choices)
                d.history.append(d.current)
            }
            d.history = saved
        default:
            guard node.width > 0, let row = rows.firstIndex(of: node.offset) else {
                return try d.decode(node)
            }
            choices.append(try mix(node, row: row, &d))
        }
    }

    /// Decodes each option of an op decision on its own branch from the same state, then sums the branches.
    private func mix(_ node: SpecNode, row: Int, _ d: inout SpecDecoder) throws -> ChoicePoint {
        var branches: [Int?] = []
        var ends: [(shape: TensorShape, width: Int?, stride: Int)] = []
        for (k, label) in decisions[node.offset].options.enumerated() {
            var tokens = d.tokens
            tokens[node.offset] = k
            var e = try SpecDecoder(input: d.builder.input, tokens: tokens)
            (e.builder, e.current, e.width, e.stride, e.history) = (d.builder, d.current, d.width, d.stride, d.history)
            e.builder.prefix.append(label)
            try e.decode(node)
            e.builder.prefix.removeLast()
            d.builder = e.builder
            branches.append(e.current)
            ends.append((e.builder.shape(of: e.current), e.width, e.stride))
        }
        try checkSameEnds(node.name, decisions[node.offset].options, ends)
        d.current = try d.builder.add(.add, branches.compactMap { $0 }, name: "\(node.name).mix")
        (d.width, d.stride) = (ends[0].width, ends[0].stride)
        return ChoicePoint(row: row, node: d.current, branches: branches)
    }

    private func checkSameEnds(_ decision: String, _ labels: [String], _ ends: [(shape: TensorShape, width: Int?, stride: Int)]) throws {
        if ends.contains(where: { $0.shape != ends[0].shape }) {
            let shapes = zip(labels, ends).map { "\($0) \($1.shape)" }.joined(separator: ", ")
            throw SpaceError("\(name) has no weight-sharing supernet: the options of '\(decision)' give different shapes "
                + "(\(shapes)), so they cannot be mixed at one position")
        }
        if ends.contains(where: { $0.width != ends[0].width || $0.stride != ends[0].stride }) {
            let widths = zip(labels, ends).map { "\($0) \($1.width.map(String.init) ?? "the input's")" }.joined(separator: ", ")
            throw SpaceError("\(name) has no weight-sharing supernet: the options of '\(decision)' leave different widths "
                + "for the layers after it (\(widths))")
        }
    }

    /// The option each op decision takes.
    public func selection(of architecture: Architecture) throws -> [Int?] {
        try validate(architecture)
        let active = activeMask(architecture.tokens)
        return try supernetRows().map { p -> Int? in active[p] ? architecture.token(at: p) : nil }
    }

    /// The strongest option of each op decision (ties: the earlier option); every other decision
    /// has one value in a space with a supernet.
    public func derive(from weights: [[Double]]) throws -> Architecture {
        let rows = try supernetRows()
        guard weights.count == rows.count, zip(rows, weights).allSatisfy({ decisions[$0].count == $1.count }) else {
            let widths = rows.map { decisions[$0].count }
            throw SpaceError("\(name)'s supernet needs \(rows.count) rows of \(widths) weights, got \(weights.map(\.count))")
        }
        var tokens = [Int](repeating: 0, count: decisions.count)
        for (p, row) in zip(rows, weights) { tokens[p] = row.indices.max { row[$0] < row[$1] }! }
        let active = activeMask(tokens)
        return Architecture(space: name, tokens: tokens.indices.map { active[$0] ? tokens[$0] : 0 })
    }
}
