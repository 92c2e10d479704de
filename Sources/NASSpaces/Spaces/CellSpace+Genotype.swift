import Foundation

/// DARTS's `Genotype(normal=[(op, input), …], normal_concat=[…], reduce=[…], reduce_concat=[…])` text.
extension CellSpace {
    /// The genotype text; inputs 0 and 1 are the cell inputs c_{k-2} and c_{k-1}, 2… the nodes.
    public func canonical(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return invalid }
        let concat = "[" + (2..<(nodes + 2)).map(String.init).joined(separator: ", ") + "]"
        let cells = [0, nodes].map { offset -> String in
            let pairs = (0..<nodes).flatMap { i -> [String] in
                let t = architecture.tokens[(4 * (offset + i))..<(4 * (offset + i) + 4)].map { $0 }
                return ["('\(operations[t[1]])', \(t[0]))", "('\(operations[t[3]])', \(t[2]))"]
            }
            return "[" + pairs.joined(separator: ", ") + "]"
        }
        return "Genotype(normal=\(cells[0]), normal_concat=\(concat), reduce=\(cells[1]), reduce_concat=\(concat))"
    }

    public func parse(_ text: String) throws -> Architecture {
        let s = text.trimmed()
        guard s.hasPrefix("Genotype("), s.hasSuffix(")") else {
            throw SpaceError("a cell architecture is written Genotype(normal=[('op', input), …], normal_concat=…, reduce=[…], reduce_concat=…)")
        }
        let normal = try pairs(in: s, field: "normal")
        let reduce = try pairs(in: s, field: "reduce")
        var tokens: [Int] = []
        for (cell, list) in [("normal", normal), ("reduce", reduce)] {
            guard list.count == 2 * nodes else {
                throw SpaceError("the \(cell) cell has \(list.count) (op, input) pairs; \(nodes) nodes need \(2 * nodes)")
            }
            for (k, pair) in list.enumerated() {
                let node = k / 2 + 2
                guard let op = operations.firstIndex(of: pair.op) else {
                    throw SpaceError("\(cell) cell, node \(node): '\(pair.op)' is not one of \(operations.joined(separator: ", "))")
                }
                guard (0..<node).contains(pair.input) else {
                    throw SpaceError("\(cell) cell, node \(node): input \(pair.input) must be an earlier state, 0 to \(node - 1)")
                }
                tokens += [pair.input, op]
            }
        }
        let a = Architecture(space: name, tokens: tokens)
        try validate(a)
        return a
    }

    private func pairs(in text: String, field: String) throws -> [(op: String, input: Int)] {
        guard let start = text.range(of: "\(field)=[") else { throw SpaceError("the genotype has no '\(field)=[…]' list") }
        guard let end = text[start.upperBound...].firstIndex(of: "]") else { throw SpaceError("the '\(field)' list is not closed") }
        let body = text[start.upperBound..<end]
        var result: [(String, Int)] = []
        for item in body.split(separator: ")") {
            let cleaned = item.trimmed { " ,(".contains($0) }
            if cleaned.isEmpty { continue }
            let parts = cleaned.split(separator: ",").map { $0.trimmed { " '\"".contains($0) } }
            guard parts.count == 2, let input = Int(parts[1]) else {
                throw SpaceError("'\(cleaned)' in the \(field) list is not ('op', input)")
            }
            result.append((parts[0], input))
        }
        return result
    }

    /// One line per node of each cell.
    public func diagram(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return invalid }
        var lines = ["cell space: \(layers) cells, C=\(channels); reduction cells at \(layers / 3) and \(2 * layers / 3)"]
        for (c, cell) in ["normal", "reduce"].enumerated() {
            lines.append("  \(cell) cell:")
            for i in 0..<nodes {
                let t = Array(architecture.tokens[(4 * (c * nodes + i))..<(4 * (c * nodes + i) + 4)])
                lines.append("    node\(i + 2) = \(operations[t[1]])(\(stateName(t[0]))) + \(operations[t[3]])(\(stateName(t[2])))")
            }
            lines.append("    output = concat(" + (2..<(nodes + 2)).map { "node\($0)" }.joined(separator: ", ") + ")")
        }
        return lines.joined(separator: "\n")
    }

    /// Both cells as Graphviz clusters.
    public func dot(_ architecture: Architecture) -> String {
        if let invalid = invalidDescription(architecture) { return DotWriter.digraph(title: invalid, nodes: [], edges: []) }
        var nodes: [DotWriter.Node] = []
        var edges: [DotWriter.Edge] = []
        for (c, cell) in ["normal", "reduce"].enumerated() {
            for s in 0..<(self.nodes + 2) { nodes.append(("\(cell)_\(s)", "\(cell) \(stateName(s))", s < 2 ? "box" : "circle")) }
            nodes.append(("\(cell)_out", "\(cell) concat", "box"))
            for i in 0..<self.nodes {
                let t = Array(architecture.tokens[(4 * (c * self.nodes + i))..<(4 * (c * self.nodes + i) + 4)])
                edges.append(("\(cell)_\(t[0])", "\(cell)_\(i + 2)", operations[t[1]]))
                edges.append(("\(cell)_\(t[2])", "\(cell)_\(i + 2)", operations[t[3]]))
                edges.append(("\(cell)_\(i + 2)", "\(cell)_out", ""))
            }
        }
        return DotWriter.digraph(title: "cell", nodes: nodes, edges: edges, rankdir: "LR")
    }

    private func stateName(_ s: Int) -> String { s == 0 ? "c_{k-2}" : (s == 1 ? "c_{k-1}" : "node\(s)") }
}
