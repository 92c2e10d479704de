import NASCore

/// A table as an HTML `<table>`: a header row, numbers right-aligned, and a caption counting
/// the rows left out. The HTML page and Jupyter's `text/html` outputs share it.
enum HTMLTable {
    /// The `<table>` element for `table`, whose `hiddenRows` further rows are not shown.
    static func html(_ table: Table, hiddenRows: Int) -> String {
        let numeric = table.columns.indices.map { i in table.rows.first.map { $0[i].doubleValue != nil } ?? false }
        var lines = ["<table class=\"data\">"]
        lines.append("<thead><tr>" + zip(table.columns, numeric).map { name, isNumber in
            "<th\(isNumber ? " class=\"num\"" : "")>\(HTMLText.escape(name))</th>"
        }.joined() + "</tr></thead>")
        lines.append("<tbody>")
        for row in table.rows {
            lines.append("<tr>" + row.map { cell in
                "<td\(cell.doubleValue != nil ? " class=\"num\"" : "")>\(HTMLText.escape(cell.description))</td>"
            }.joined() + "</tr>")
        }
        if table.rows.isEmpty {
            lines.append("<tr><td class=\"empty\" colspan=\"\(max(1, table.columns.count))\">(no rows)</td></tr>")
        }
        lines.append("</tbody>")
        if hiddenRows > 0 {
            lines.append("<caption>… \(hiddenRows) more row\(hiddenRows == 1 ? "" : "s")</caption>")
        }
        lines.append("</table>")
        return lines.joined(separator: "\n")
    }
}
