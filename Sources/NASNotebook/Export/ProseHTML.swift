import Foundation

/// The Markdown that comments may hold, as HTML: headings (`#` lines), paragraphs, bullet and
/// numbered lists, `code`, **bold** and *emphasis*. Everything else is text.
///
/// Deliberately small: prose in naslab scripts is a few lines of comments, and a notebook must
/// never lose words to a construct this renderer does not know, so unknown syntax stays as it is.
enum ProseHTML {
    /// The HTML for a run of prose lines.
    static func html(_ prose: String) -> String {
        var blocks: [String] = []
        var paragraph: [String] = []
        var list: (ordered: Bool, items: [String])?
        func flushParagraph() {
            if !paragraph.isEmpty { blocks.append("<p>" + inline(paragraph.joined(separator: " ")) + "</p>") }
            paragraph.removeAll()
        }
        func flushList() {
            guard let current = list else { return }
            let tag = current.ordered ? "ol" : "ul"
            blocks.append("<\(tag)>" + current.items.map { "<li>" + inline($0) + "</li>" }.joined() + "</\(tag)>")
            list = nil
        }
        for rawLine in prose.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flushParagraph()
                flushList()
            } else if let heading = heading(line) {
                flushParagraph()
                flushList()
                blocks.append("<h\(heading.level)>" + inline(heading.text) + "</h\(heading.level)>")
            } else if let item = listItem(line) {
                flushParagraph()
                if list?.ordered != item.ordered { flushList() }
                list = (item.ordered, (list?.items ?? []) + [item.text])
            } else if list != nil, rawLine.first == " ", var current = list {
                current.items[current.items.count - 1] += " " + line
                list = current
            } else {
                flushList()
                paragraph.append(line)
            }
        }
        flushParagraph()
        flushList()
        return blocks.joined(separator: "\n")
    }

    /// The level and text of a heading line (`# Title` … `###### Title`).
    static func heading(_ line: String) -> (level: Int, text: String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.first == " " else { return nil }
        return (hashes, rest.trimmingCharacters(in: .whitespaces))
    }

    /// Whether a line is a list item (`- x`, `* x`, `1. x`, `1) x`), and its text.
    static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") {
            return (false, String(line.dropFirst(2)))
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        let rest = line.dropFirst(digits.count)
        guard !digits.isEmpty, digits.count <= 3, rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
        return (true, String(rest.dropFirst(2)))
    }

    /// Inline Markdown as HTML: `code`, **bold** and *emphasis*; other text escaped.
    static func inline(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let character = rest.first {
            if character == "`", let code = span(rest, marker: "`") {
                out += "<code>" + HTMLText.escape(String(code.inside)) + "</code>"
                rest = code.after
            } else if rest.hasPrefix("**"), let bold = span(rest, marker: "**") {
                out += "<strong>" + inline(String(bold.inside)) + "</strong>"
                rest = bold.after
            } else if character == "*" || character == "_", let emphasis = span(rest, marker: String(character)),
                      isEmphasisBoundary(before: out.last, after: emphasis.after.first) {
                out += "<em>" + inline(String(emphasis.inside)) + "</em>"
                rest = emphasis.after
            } else {
                out += HTMLText.escape(String(character))
                rest = rest.dropFirst()
            }
        }
        return out
    }

    /// The text between `marker` at the start of `text` and its next occurrence, and what
    /// follows; nil when there is no closing marker or nothing (or only space-padded text) between.
    private static func span(_ text: Substring, marker: String) -> (inside: Substring, after: Substring)? {
        let body = text.dropFirst(marker.count)
        guard let close = body.range(of: marker) else { return nil }
        let inside = body[..<close.lowerBound]
        guard !inside.isEmpty, inside.first != " ", inside.last != " " else { return nil }
        return (inside, body[close.upperBound...])
    }

    /// Whether single `*`/`_` emphasis may start after `before` and end before `after`: not
    /// inside a word, so `a*b*c` and `snake_case_name` stay as they are.
    private static func isEmphasisBoundary(before: Character?, after: Character?) -> Bool {
        let isWord: (Character?) -> Bool = { $0.map { $0.isLetter || $0.isNumber } ?? false }
        return !isWord(before) && !isWord(after)
    }
}
