import Foundation

extension ConceptPage {
    /// Reads a page from its Markdown text; `name` is the file's name without `.md`.
    ///
    /// Throws a `ConceptError` naming the page and what is wrong with it: a title line that does
    /// not start `# name —`, a missing or misplaced header key, an unknown part, a required
    /// section missing or out of order.
    public init(markdown: String, name: String) throws {
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let fail = { (what: String) in ConceptError(page: name, what) }
        guard let first = lines.first, first.hasPrefix("# \(name) — ") else {
            throw fail("the first line must be '# \(name) — title'")
        }
        lines.removeFirst()
        var header: [String: String] = [:]
        for key in Self.headerKeys {
            guard let line = lines.first, line.hasPrefix("\(key):") else { throw fail("header line '\(key):' is missing or out of order") }
            header[key] = line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
            lines.removeFirst()
        }
        guard let part = ConceptPart(rawValue: header["part"]!) else {
            throw fail("part '\(header["part"]!)' is not one of \(ConceptPart.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let (idea, sections) = Self.splitSections(lines)
        try Self.checkSections(sections.map(\.heading), fail: fail)
        self.init(name: name, title: String(first.dropFirst("# \(name) — ".count)), part: part,
                  builtins: Self.list(header["builtins"]!), samples: Self.list(header["samples"]!),
                  paper: header["paper"] == "-" ? "" : header["paper"]!, see: Self.list(header["see"]!),
                  idea: idea, sections: sections)
    }

    /// A comma-separated header value as a list (`-` is the empty list).
    private static func list(_ value: String) -> [String] {
        value == "-" ? [] : value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The text before the first `## ` heading, and each section's heading and body, trimmed.
    private static func splitSections(_ lines: [String]) -> (String, [(heading: String, body: String)]) {
        var idea: [String] = []
        var sections: [(heading: String, body: [String])] = []
        for line in lines {
            if line.hasPrefix("## ") {
                sections.append((String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), []))
            } else if sections.isEmpty {
                idea.append(line)
            } else {
                sections[sections.count - 1].body.append(line)
            }
        }
        return (trimmed(idea), sections.map { ($0.heading, trimmed($0.body)) })
    }

    /// Lines joined, without leading and trailing blank lines.
    private static func trimmed(_ lines: [String]) -> String {
        var lines = lines
        while lines.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeFirst() }
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Checks that the required sections are there, in order, with at most `Formula` before them.
    private static func checkSections(_ headings: [String], fail: (String) -> ConceptError) throws {
        let expected = headings.first == "Formula" ? ["Formula"] + requiredSections : requiredSections
        guard headings == expected else {
            throw fail("its sections are \(headings.map { "'\($0)'" }.joined(separator: ", ")); a page has "
                       + "'Formula' (optional), then \(requiredSections.map { "'\($0)'" }.joined(separator: ", ")), in that order")
        }
    }
}
