/// Vector encodings of cell architectures.
extension CellSpace {
    /// `onehot`, or `adjacency`: per cell a (nodes + 2)² matrix, row-major, with entry (j, i) = 1 when
    /// node j reads state i, followed by one op one-hot per node input.
    public func encode(_ architecture: Architecture, as encoding: ArchitectureEncoding) throws -> [Double] {
        try validate(architecture)
        switch encoding {
        case .onehot:
            return onehotEncoding(decisions, architecture.tokens)
        case .adjacency:
            let n = nodes + 2
            var v: [Double] = []
            for cell in 0..<2 {
                var matrix = [Double](repeating: 0, count: n * n)
                var ops: [Double] = []
                for i in 0..<nodes {
                    let t = Array(architecture.tokens[(4 * (cell * nodes + i))..<(4 * (cell * nodes + i) + 4)])
                    for (input, op) in [(t[0], t[1]), (t[2], t[3])] {
                        matrix[(i + 2) * n + input] = 1
                        ops += operations.indices.map { $0 == op ? 1 : 0 }
                    }
                }
                v += matrix + ops
            }
            return v
        case .path:
            throw SpaceError("the cell space offers the onehot and adjacency encodings, not path")
        }
    }
}
