import Foundation

extension ConceptPage {
    /// The page as `help NAME` prints it: the text, then each builtin's signature and summary
    /// from the registry (with the arguments of the builtin the page is named after), the
    /// samples, the paper and related concepts.
    func render(registry: BuiltinRegistry) -> String {
        var lines = ["\(name) — \(title)    [concept · \(part.title)]", "", idea]
        for (heading, body) in sections {
            lines += ["", heading + ":"] + body.split(separator: "\n", omittingEmptySubsequences: false).map { indent(String($0)) }
            if heading == "In naslab" { lines += builtinLines(registry) }
        }
        if !samples.isEmpty { lines += ["", "Sample\(samples.count == 1 ? "" : "s"): " + samples.map { "samples/\($0)" }.joined(separator: ", ")] }
        if !paper.isEmpty { lines += ["Paper: \(paper)"] }
        if !see.isEmpty { lines += ["See also: " + see.map { "help \($0)" }.joined(separator: ", ")] }
        return lines.joined(separator: "\n")
    }

    /// The signatures of the page's builtins, read from the registry so that they cannot drift.
    private func builtinLines(_ registry: BuiltinRegistry) -> [String] {
        let known = builtins.compactMap { registry.lookup($0) }
        guard !known.isEmpty else { return [] }
        var lines = [""]
        for builtin in known {
            lines.append("  \(builtin.signatureText)")
            lines.append("      \(builtin.summary)")
            guard builtin.name == name else { continue }
            lines += builtin.parameters.filter { !$0.help.isEmpty }.map { "      \($0.name): \($0.help)" }
            lines.append("      (the builtin's whole page: help(\(name)), without quotes)")
        }
        return lines
    }

    /// A body line indented under its heading (code lines keep their own indentation on top).
    private func indent(_ line: String) -> String { line.isEmpty ? "" : "  " + line }
}

extension ConceptLibrary {
    /// The list `help concepts` prints: every concept by part, in teaching order, with its title.
    public func overview() -> String {
        var lines = ["NAS concepts in teaching order (Elsken, Metzen & Hutter's survey: spaces, strategies,",
                     "estimation, then one-shot and hardware-aware NAS). 'help NAME' shows one page.", ""]
        let width = min(22, pages.map(\.name.count).max() ?? 0)
        for part in ConceptPart.allCases {
            let members = pages.filter { $0.part == part }
            guard !members.isEmpty else { continue }
            lines.append("\(part.title):")
            for page in members {
                lines.append("  " + page.name.padding(toLength: max(width, page.name.count), withPad: " ", startingAt: 0) + "  " + page.title)
            }
            lines.append("")
        }
        lines.removeLast()
        return lines.joined(separator: "\n")
    }
}
