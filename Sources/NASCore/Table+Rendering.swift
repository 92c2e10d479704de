/// Aligned text rendering of a table for terminals and logs.
extension Table {
    /// The table as aligned text: a header, a rule, up to `maxRows` rows and `… N more rows`.
    ///
    /// Numbers are right-aligned, other cells left-aligned; cells wider than `maxCellWidth`
    /// are cut in the middle with `…`, so that keys which differ only in their middle or end
    /// (`nor_conv…avg_pool`, `nor_conv…skip_con`) still look different. An empty table says so
    /// under its header.
    public func render(maxRows: Int = 20, maxCellWidth: Int = 40) -> String {
        let shown = rows.prefix(max(0, maxRows))
        let texts = shown.map { row in row.map { Self.clip($0.description, maxCellWidth) } }
        var widths = columns.map { Self.clip($0, maxCellWidth).count }
        for row in texts { for (i, t) in row.enumerated() { widths[i] = max(widths[i], t.count) } }
        var lines: [String] = []
        let numericColumns = columns.indices.map { i in shown.first.map { row -> Bool in
            if case .number = row[i] { return true }
            return false
        } ?? false }
        lines.append(line(columns.map { Self.clip($0, maxCellWidth) }, widths, numeric: numericColumns.map { $0 ? Cell.number(Quantity(0)) : Cell.null }))
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        for (row, text) in zip(shown, texts) { lines.append(line(text, widths, numeric: row)) }
        if rows.isEmpty { lines.append("(no rows)") }
        if rows.count > shown.count {
            let more = rows.count - shown.count
            lines.append("… \(more) more row\(more == 1 ? "" : "s")")
        }
        return lines.joined(separator: "\n")
    }

    private func line(_ cells: [String], _ widths: [Int], numeric row: [Cell]?) -> String {
        var parts: [String] = []
        for (i, text) in cells.enumerated() {
            let pad = String(repeating: " ", count: widths[i] - text.count)
            var isNumber = false
            if let row, case .number = row[i] { isNumber = true }
            let last = i == cells.count - 1
            parts.append(isNumber ? pad + text : (last ? text : text + pad))
        }
        return parts.joined(separator: "  ")
    }

    /// The text on one line, cut in the middle with `…` to at most `width` characters: the start
    /// keeps one more character than the end when they cannot be equal.
    static func clip(_ s: String, _ width: Int) -> String {
        let flat = s.replacingNewlines()
        guard flat.count > width, width > 1 else { return flat }
        let kept = width - 1
        return String(flat.prefix(kept - kept / 2)) + "…" + String(flat.suffix(kept / 2))
    }
}

extension String {
    func replacingNewlines() -> String {
        guard contains(where: \.isNewline) else { return self }
        return String(map { $0.isNewline ? " " : $0 })
    }
}
