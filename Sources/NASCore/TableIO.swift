import Foundation

/// Reading and writing tables as CSV (RFC 4180 quoting) and JSON (an array of row objects).
///
/// Numbers are written in base units (`0.9312`, `0.004`), so other tools read them as plain
/// numbers; on loading, a column named after a known metric gets the metric's unit back.
/// A string that would read back as a number, a boolean or a missing value is quoted, and a
/// quoted field always loads as a string, so a saved table loads as the same cells.
///
/// An unquoted CSV field loads as a number only when it is written the way a program writes
/// numbers (`number(_:)`): `7`, `-2`, `0.5`, `1e3`, `nan`, `inf`; other text, such as the key
/// `007` (whose leading zeros a number would lose), `+5` or `.5`, stays text. `types` overrides
/// this per column (`ColumnType`).
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

    /// Reads a table from a CSV or JSON file, by the file's extension; `types` fixes the type of
    /// the columns it names (every one must exist).
    public static func load(from path: String, types: [String: ColumnType] = [:]) throws -> Table {
        switch try format(of: path) {
        case .csv: return try table(from: try CSVDocument(contentsOfFile: path), types: types)
        case .json: return try parseJSON(try jsonText(path), path: path, types: types)
        }
    }

    /// The text of a JSON file.
    private static func jsonText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TableDataError.unreadable(path: path)
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

    /// Reads CSV text whose first record names the columns; `types` as for `load`.
    public static func parseCSV(_ text: String, path: String = "<csv>", types: [String: ColumnType] = [:]) throws -> Table {
        try table(from: try CSVDocument(text: text, source: path), types: types)
    }

    /// The table of a read CSV document, each field becoming the cell it stands for (or of its column's type).
    static func table(from document: CSVDocument, types: [String: ColumnType]) throws -> Table {
        try checkTypedColumns(types, exist: document.header, path: document.source)
        let columnTypes = document.header.map { types[$0] }
        let rows = try document.records.map { record in
            try record.fields.indices.map { j in
                let column = document.header[j], field = record.fields[j]
                guard let type = columnTypes[j], !(field.text.isEmpty && !field.quoted) else { return cell(from: field, column: column) }
                switch type.cell(fromCSV: field.text, column: column) {
                case .success(let cell): return cell
                case .failure(let mismatch):
                    throw TableDataError.malformed(path: document.source, line: record.line, reason: "column '\(column)': \(mismatch.reason)")
                }
            }
        }
        return Table(columns: document.header, rows: rows)
    }

    /// Throws unless every typed column is one of `columns`.
    private static func checkTypedColumns(_ types: [String: ColumnType], exist columns: [String], path: String) throws {
        for name in types.keys.sorted() where !columns.contains(name) {
            throw TableDataError.malformed(path: path, line: 1,
                                           reason: "types: there is no column '\(name)' (the columns are \(columns.joined(separator: ", ")))")
        }
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
        if let value = number(text) { return .number(MetricCatalogue.quantity(column, value)) }
        return .string(text)
    }

    /// The value of a number written the way programs write numbers, or nil for any other text.
    ///
    /// That is: an optional `-`; an integer part without leading zeros (`0` alone is fine); an
    /// optional fraction, `.` and at least one digit; an optional exponent, `e` or `E`, an optional
    /// sign and digits; or `nan`, `inf`, `-inf`. So `7`, `-2`, `0.5`, `1e3` and `2.5E-07` are
    /// numbers, and `007`, `+5`, `.5`, `5.`, `1_000` and `0x1F` are not.
    public static func number(_ text: String) -> Double? {
        switch text {
        case "nan": return .nan
        case "inf": return .infinity
        case "-inf": return -.infinity
        default: return isCanonicalNumber(text) ? Double(text) : nil
        }
    }

    /// Whether `text` has the form `number(_:)` describes (not `nan` or `inf`).
    private static func isCanonicalNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        func digits() -> Int {
            let count = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let leadingZero = bytes.first == UInt8(ascii: "0")
        let integerDigits = digits()
        guard integerDigits > 0, !(leadingZero && integerDigits > 1) else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
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

    /// Reads a JSON array of objects; columns are the keys in first-seen order (sorted within an
    /// object); `types` as for `load`.
    public static func parseJSON(_ text: String, path: String = "<json>", types: [String: ColumnType] = [:]) throws -> Table {
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
        try checkTypedColumns(types, exist: columns, path: path)
        let rows = try objects.map { object in try columns.map { try typedJSONCell(object[$0], column: $0, types: types, path: path) } }
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

    /// A JSON value's cell, converted to its column's type when `types` gives one.
    private static func typedJSONCell(_ value: Any?, column: String, types: [String: ColumnType], path: String) throws -> Cell {
        let cell = jsonCell(value, column: column)
        guard let type = types[column] else { return cell }
        switch type.convert(cell, column: column) {
        case .success(let typed): return typed
        case .failure(let mismatch): throw TableDataError.file(path: path, reason: "column '\(column)': \(mismatch.reason)")
        }
    }

    private static func jsonCell(_ value: Any?, column: String) -> Cell {
        switch value {
        case nil, is NSNull: return .null
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return .bool(number.boolValue) }
            return .number(MetricCatalogue.quantity(column, number.doubleValue))
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
