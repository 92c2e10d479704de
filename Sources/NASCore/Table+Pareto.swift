extension Table {
    /// The rows no other row beats on both columns: the Pareto front of `x` and `y`.
    ///
    /// A row dominates another when it is at least as good on both columns and better on one;
    /// rows with a missing or non-numeric value in either column are left out. Rows equal on
    /// both columns are all kept. The front comes sorted from best `x` to worst.
    public func pareto(x: (column: String, minimise: Bool), y: (column: String, minimise: Bool)) throws -> Table {
        let xi = try requireColumn(x.column)
        let yi = try requireColumn(y.column)
        // Orient both axes so that smaller is better.
        let candidates: [(x: Double, y: Double, row: [Cell])] = rows.compactMap { row in
            guard let xv = row[xi].doubleValue, let yv = row[yi].doubleValue, !xv.isNaN, !yv.isNaN else { return nil }
            return (x.minimise ? xv : -xv, y.minimise ? yv : -yv, row)
        }
        let ordered = candidates.enumerated().sorted { a, b in
            (a.element.x, a.element.y, a.offset) < (b.element.x, b.element.y, b.offset)
        }.map(\.element)
        var front: [[Cell]] = []
        var last: (x: Double, y: Double)?
        for candidate in ordered {
            if let kept = last {
                let isDuplicate = candidate.x == kept.x && candidate.y == kept.y
                guard candidate.y < kept.y || isDuplicate else { continue }
            }
            front.append(candidate.row)
            last = (candidate.x, candidate.y)
        }
        return Table(columns: columns, rows: front)
    }
}
