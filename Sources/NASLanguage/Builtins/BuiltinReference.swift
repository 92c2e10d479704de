/// The builtin reference as Markdown, generated from the registry: `docs/builtins.md`.
///
/// The file is never edited by hand: `scripts/docs` writes it, and a test fails when the file
/// and the registry disagree, so the reference cannot drift from what `help` shows.
public enum BuiltinReference {
    /// The whole page: every builtin by category, with its signature, help, arguments, example and paper.
    public static func markdown(_ registry: BuiltinRegistry) -> String {
        let categories = Dictionary(grouping: registry.all, by: \.category)
        var lines = [
            "# naslab builtins — reference",
            "",
            "Generated from the builtin registry by `scripts/docs`; do not edit (a test compares this file",
            "with the registry). In the REPL, `help NAME` shows the same page, and `help concepts` lists",
            "the ideas of NAS the builtins belong to.",
            "",
        ]
        let order = categories.keys.sorted(by: BuiltinRegistry.categoryOrder)
        lines.append(order.map { "[\($0)](#\(anchor($0)))" }.joined(separator: " · "))
        for category in order {
            lines += ["", "## \(category)"]
            for builtin in categories[category]!.sorted(by: { $0.name < $1.name }) {
                lines += [""] + entry(builtin, concepts: registry.concepts?.pages(about: builtin.name).map(\.name) ?? [])
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One builtin's entry.
    private static func entry(_ builtin: Builtin, concepts: [String]) -> [String] {
        var lines = ["### `\(builtin.name)`", "", "`\(builtin.signatureText)`", "", builtin.help.isEmpty ? builtin.summary : builtin.help]
        let documented = builtin.parameters.filter { !$0.help.isEmpty }
        if !documented.isEmpty { lines += [""] + documented.map { "- `\($0.name)`: \($0.help)" } }
        if let example = builtin.example { lines += ["", "```", example, "```"] }
        if let paper = builtin.paper { lines += ["", "Paper: \(paper)"] }
        if !concepts.isEmpty { lines += ["", "Concept: " + concepts.map { "`help \($0)`" }.joined(separator: ", ")] }
        return lines
    }

    /// The anchor GitHub gives a heading.
    private static func anchor(_ heading: String) -> String {
        String(heading.lowercased().map { $0 == " " ? "-" : $0 }.filter { $0.isLetter || $0.isNumber || $0 == "-" })
    }
}
