import Foundation

/// Reading and writing tables as CSV (RFC 4180 quoting) and JSON (an array of row objects).
///
/// Numbers are written in base units (`0.9312`, `0.004`), so other tools read them as plain
/// numbers; on loading, a column named after a known metric gets the metric's unit back.
/// A string that would read back as a number, a boolean or a missing value is quoted, and a
/// quoted field always loads as a string, so a saved table loads as the same cells.
public enum TableIO {
    /// Writes a table to `path`, as CSV or JSON by the file's extension.
    public static func save(_ table: Table, to path: String) throws {
        let text: String
        switch try format(of: path) {
        case .csv: text = csv(table)
        case .json: text = json(table)
        }
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw TableDataError.file(path: path, reason: "cannot write (\(error.localizedDescription))")
        }
    }

    /// Reads a table from a CSV or JSON file, by the file's extension.
    public static func load(from path: String) throws -> Table {
        switch try format(of: path) {
        case .csv: return table(from: try CSVDocument(contentsOfFile: path))
        case .json: return try parseJSON(try jsonText(path), path: path)
        }
    }

    /// The text of a JSON file.
    private static func jsonText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TableDataError.file(path: path, reason: "no such file or it cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TableDataError.file(path: path, reason: "not UTF-8 text")
        }
        return text
    }

    // MARK: CSV

    /// The table as CSV text: a header line, then one line per row.
    public static func csv(_ table: Table) -> String {
        var lines = [table.columns.map(quoteIfNeeded).joined(separator: ",")]
        for row in table.rows {
            lines.append(row.map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads CSV text whose first record names the columns.
    public static func parseCSV(_ text: String, path: String = "<csv>") throws -> Table {
        table(from: try CSVDocument(text: text, source: path))
    }

    /// The table of a read CSV document, each field becoming the cell it stands for.
    static func table(from document: CSVDocument) -> Table {
        let rows = document.records.map { record in
            zip(document.header, record.fields).map { cell(from: $1, column: $0) }
        }
        return Table(columns: document.header, rows: rows)
    }

    /// One cell as a CSV field.
    static func csvField(_ cell: Cell) -> String {
        switch cell {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .number(let q): return plainNumber(q.value)
        case .string(let s):
            return readsAsOther(s) ? quote(s) : quoteIfNeeded(s)
        }
    }

    /// A number in base units, shortest form that reads back exactly.
    static func plainNumber(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    /// The cell a CSV field stands for: quoted fields are strings; others are missing, booleans, numbers or strings.
    static func cell(from field: CSVDocument.Field, column: String) -> Cell {
        if field.quoted { return .string(field.text) }
        let text = field.text
        if text.isEmpty { return .null }
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        if let value = number(text) { return .number(MetricCatalog.quantity(column, value)) }
        return .string(text)
    }

    /// A plain number (`0.93`, `-1e-3`, `nan`, `inf`), or nil.
    static func number(_ text: String) -> Double? {
        switch text {
        case "nan": return .nan
        case "inf": return .infinity
        case "-inf": return -.infinity
        default:
            guard let first = text.first, first.isNumber || first == "-" || first == "+" || first == "." else { return nil }
            return Double(text)
        }
    }

    /// Whether an unquoted string would load as something other than that string.
    private static func readsAsOther(_ s: String) -> Bool {
        s.isEmpty || s == "true" || s == "false" || number(s) != nil
    }

    private static func quoteIfNeeded(_ s: String) -> String {
        let special = s.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        let padded = s.first?.isWhitespace == true || s.last?.isWhitespace == true
        return special || padded ? quote(s) : s
    }

    private static func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: JSON

    /// The table as a JSON array of objects, keys in column order; non-finite numbers as strings.
    public static func json(_ table: Table) -> String {
        let objects = table.rows.map { row in
            "  {" + zip(table.columns, row).map { JSONText.quoted($0) + ": " + jsonValue($1) }.joined(separator: ", ") + "}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// Reads a JSON array of objects; columns are the keys in first-seen order (sorted within an object).
    public static func parseJSON(_ text: String, path: String = "<json>") throws -> Table {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw TableDataError.malformed(path: path, line: 1, reason: "not valid JSON")
        }
        guard let objects = parsed as? [[String: Any]] else {
            throw TableDataError.malformed(path: path, line: 1, reason: "expected an array of objects, one per row")
        }
        var columns: [String] = []
        for object in objects {
            for key in object.keys.sorted() where !columns.contains(key) { columns.append(key) }
        }
        let rows = objects.map { object in columns.map { jsonCell(object[$0], column: $0) } }
        return Table(columns: columns, rows: rows)
    }

    private static func jsonValue(_ cell: Cell) -> String {
        switch cell {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let q): return q.value.isFinite ? plainNumber(q.value) : JSONText.quoted(plainNumber(q.value))
        case .string(let s): return JSONText.quoted(s)
        }
    }

    private static func jsonCell(_ value: Any?, column: String) -> Cell {
        switch value {
        case nil, is NSNull: return .null
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return .bool(number.boolValue) }
            return .number(MetricCatalog.quantity(column, number.doubleValue))
        case let s as String:
            return .string(s)
        default:
            return .string("\(value!)")
        }
    }

    // MARK: Formats

    private enum Format { case csv, json }

    private static func format(of path: String) throws -> Format {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv": return .csv
        case "json": return .json
        default: throw TableDataError.unsupportedFormat(path: path)
        }
    }
}
