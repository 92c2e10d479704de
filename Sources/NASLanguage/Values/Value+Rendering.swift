import NASCore

extension Value {
    /// The value as the prompt and script autoprint show it: strings quoted, tables as aligned text.
    ///
    /// Numbers print with their units (`Quantity.description`); lists and records longer than
    /// 100 items end with `…`; tables show 20 rows then `… N more rows`; plots their drawing, fitted to
    /// `width`; other domain objects their summary.
    public func render(width: Int, color: Bool) -> String {
        switch self {
        case .table(let t):
            guard let table = try? t.materialize() else { return "<table: cannot read rows>" }
            let text = table.render(maxRows: 20, maxCellWidth: max(8, min(40, width / 2)))
            return color ? Self.boldFirstLine(text) : text
        case .string(let s):
            let quoted = Self.quote(s)
            return color ? "\u{1B}[32m\(quoted)\u{1B}[0m" : quoted
        case .number(let q):
            return color ? "\u{1B}[36m\(q.description)\u{1B}[0m" : q.description
        case .object(let o as PlotValue):
            return o.render(width: width)
        default:
            return inline(depth: 0)
        }
    }

    /// The value as `print` and `str` show it: strings as they are, everything else as rendered.
    public var displayText: String {
        if case .string(let s) = self { return s }
        return render(width: 100, color: false)
    }

    /// A one-line form, used inside lists and records.
    func inline(depth: Int) -> String {
        switch self {
        case .none: return "none"
        case .bool(let b): return b ? "true" : "false"
        case .number(let q): return q.description
        case .string(let s): return Self.quote(s)
        case .list(let items):
            if depth > 8 { return "[…]" }
            let shown = items.prefix(100).map { $0.inline(depth: depth + 1) }
            let more = items.count > 100 ? ", … \(items.count - 100) more" : ""
            return "[" + shown.joined(separator: ", ") + more + "]"
        case .record(let r):
            if depth > 8 { return "{…}" }
            let shown = r.fields.prefix(100).map { "\(Self.fieldName($0.key)): \($0.value.inline(depth: depth + 1))" }
            let more = r.count > 100 ? ", … \(r.count - 100) more" : ""
            return "{" + shown.joined(separator: ", ") + more + "}"
        case .range(let r): return r.description
        case .table(let t):
            let rows = (try? t.materialize().count).map { "\($0) rows" } ?? "rows not loaded"
            return "<table \(rows) × \(t.columns.count) columns: \(t.columns.prefix(8).joined(separator: ", "))\(t.columns.count > 8 ? ", …" : "")>"
        case .function(let f): return f.description
        case .object(let o): return o.summary
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\0": out += "\\0"
            default: out.append(c)
            }
        }
        return out + "\""
    }

    static func fieldName(_ key: String) -> String {
        Lexer.isName(key) && TokenKind.keywords[key] == nil ? key : quote(key)
    }

    static func boldFirstLine(_ text: String) -> String {
        guard let newline = text.firstIndex(of: "\n") else { return text }
        return "\u{1B}[1m" + text[..<newline] + "\u{1B}[0m" + text[newline...]
    }
}
