/// Renders diagnostics the way compilers do: `file:line:col: error: message`, the line and a caret.
///
/// ```
/// tour.nas:3:5: error: cannot compare time (20ms) with a plain number (3); write 3ms or 3s
///     x = 20ms < 3
///         ^~~~~~~~
/// ```
public enum DiagnosticRenderer {
    /// Renders one diagnostic; `color` adds ANSI colours to the severity and the caret.
    public static func render(_ d: Diagnostic, color: Bool = false) -> String {
        let (bold, red, yellow, cyan, green, reset) = color
            ? ("\u{1B}[1m", "\u{1B}[31m", "\u{1B}[33m", "\u{1B}[36m", "\u{1B}[32m", "\u{1B}[0m")
            : ("", "", "", "", "", "")
        let tint = d.severity == .error ? red : (d.severity == .warning ? yellow : cyan)
        var location = d.file
        if let r = d.range, let line = d.sourceLine {
            location += ":\(r.line):\(displayColumn(line, byteColumn: r.column))"
        } else if let r = d.range {
            location += ":\(r.line):\(r.column)"
        }
        let message = VisibleText.message(d.message)
        var out = "\(bold)\(VisibleText.message(location)): \(tint)\(d.severity.rawValue):\(reset)\(bold) \(message)\(reset)"
        if let r = d.range, let line = d.sourceLine {
            out += "\n" + caretLines(line: line, range: r, green: green, reset: reset)
        }
        return out
    }

    /// Renders several diagnostics, one after another, separated by newlines.
    public static func render(_ ds: [Diagnostic], color: Bool = false) -> String {
        ds.map { render($0, color: color) }.joined(separator: "\n")
    }

    /// Fills in each diagnostic's `sourceLine` from the source text it refers to.
    public static func attachSource(_ ds: [Diagnostic], source: String) -> [Diagnostic] {
        guard ds.contains(where: { $0.range != nil && $0.sourceLine == nil }) else { return ds }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        return ds.map { d in
            var d = d
            if d.sourceLine == nil, let r = d.range, r.line >= 1, r.line <= lines.count {
                var text = String(lines[r.line - 1])
                if text.hasSuffix("\r") { text.removeLast() }
                d.sourceLine = text
            }
            return d
        }
    }

    /// The source line, then the caret line: `^` under the first character and `~` under the rest of
    /// the range on that line. Invisible characters in the line are shown (`␀`, `�`).
    static func caretLines(line: String, range: SourceRange, green: String, reset: String) -> String {
        let shown = VisibleText.line(line).replacingTabs()
        let lineBytes = Array(line.utf8)
        let startByte = min(max(0, range.column - 1), lineBytes.count)
        let endByte = min(lineBytes.count, startByte + max(1, range.end - range.start))
        let startColumn = displayColumn(line, byteColumn: startByte + 1) - 1
        let endColumn = max(startColumn + 1, displayColumn(line, byteColumn: endByte + 1) - 1)
        let marker = "^" + String(repeating: "~", count: max(0, endColumn - startColumn - 1))
        return "    " + shown + "\n    " + String(repeating: " ", count: startColumn) + green + marker + reset
    }

    /// The column in characters, as the line is shown, for a byte column (both from 1).
    static func displayColumn(_ line: String, byteColumn: Int) -> Int {
        let bytes = Array(line.utf8)
        let prefix = bytes.prefix(max(0, min(bytes.count, byteColumn - 1)))
        return VisibleText.line(String(decoding: prefix, as: UTF8.self)).count + 1
    }
}

extension String {
    func replacingTabs() -> String {
        guard contains("\t") else { return self }
        return String(map { $0 == "\t" ? " " : $0 })
    }
}
