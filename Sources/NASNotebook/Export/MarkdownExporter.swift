import Foundation
import NASCore

/// Writes a session as a Markdown page: comments as prose, code and text outputs in fenced
/// blocks, tables as Markdown tables, and plots as SVG files beside the page, linked as images.
public struct MarkdownExporter: Sendable {
    /// Splits each cell's input into prose and code.
    public let splitter: ProseSplitter
    /// The folder, relative to the page, that plots are written to (`out_files` for `out.md`).
    public let attachmentFolder: String

    /// Creates an exporter that splits cells with `splitter` and puts plots in `attachmentFolder`.
    public init(splitter: ProseSplitter = ProseSplitter(), attachmentFolder: String = "notebook_files") {
        self.splitter = splitter
        self.attachmentFolder = attachmentFolder
    }

    /// The Markdown page.
    public func export(_ notebook: Notebook) -> String {
        render(notebook).text
    }

    /// The Markdown page and the plots it links to; it opens with `# naslab session` unless its
    /// prose opens with a title of its own.
    public func render(_ notebook: Notebook) -> RenderedNotebook {
        var page = RenderedNotebook(text: "")
        var blocks: [String] = []
        for cell in notebook.cells {
            blocks += self.blocks(for: cell, attachments: &page.attachments)
        }
        if !(blocks.first.map { ProseHTML.heading(String($0.prefix { $0 != "\n" }))?.level == 1 } ?? false) {
            blocks.insert("# naslab session", at: 0)
        }
        page.text = blocks.joined(separator: "\n\n") + "\n"
        return page
    }

    private func blocks(for cell: NotebookCell, attachments: inout [RenderedNotebook.Attachment]) -> [String] {
        var blocks: [String] = []
        for segment in splitter.segments(of: cell.input) {
            switch segment {
            case .prose(let text): blocks.append(text)
            case .code(let code): blocks.append(Self.fence(code, language: "nas"))
            }
        }
        var plain: [NotebookOutput] = []
        func flushPlain() {
            if let text = CellOutputText.joined(plain) { blocks.append(Self.fence(text, language: "text")) }
            plain.removeAll()
        }
        for output in cell.outputs {
            guard case .value(let value) = output, value.table != nil || value.svg != nil else {
                plain.append(output)
                continue
            }
            flushPlain()
            if let svg = value.svg {
                let path = "\(attachmentFolder)/plot-\(attachments.count + 1).svg"
                attachments.append(RenderedNotebook.Attachment(path: path, contents: svg))
                blocks.append("![\(Self.altText(value.text, cell: cell.number))](\(path))")
            } else if let table = value.table {
                blocks.append(Self.table(table, hiddenRows: value.hiddenRowCount))
            }
        }
        flushPlain()
        return blocks
    }

    /// A fenced code block long enough not to be closed by backticks inside `text`.
    static func fence(_ text: String, language: String) -> String {
        var longestRun = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        let marker = String(repeating: "`", count: max(3, longestRun + 1))
        return marker + language + "\n" + text + "\n" + marker
    }

    /// A GitHub-flavoured Markdown table: numbers right-aligned, `|` escaped, newlines as spaces,
    /// then a line counting the rows left out.
    static func table(_ table: Table, hiddenRows: Int) -> String {
        let numeric = table.columns.indices.map { i in table.rows.first.map { row in row[i].doubleValue != nil } ?? false }
        var lines = ["| " + table.columns.map(cellText).joined(separator: " | ") + " |"]
        lines.append("|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined())
        for row in table.rows {
            lines.append("| " + row.map { cellText($0.description) }.joined(separator: " | ") + " |")
        }
        if table.rows.isEmpty { lines.append("\n(no rows)") }
        if hiddenRows > 0 { lines.append("\n… \(hiddenRows) more row\(hiddenRows == 1 ? "" : "s")") }
        return lines.joined(separator: "\n")
    }

    private static func cellText(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 }).replacingOccurrences(of: "|", with: "\\|")
    }

    /// A plot's alternative text: the first line of its drawing (the title), else the cell.
    private static func altText(_ text: String, cell: Int) -> String {
        let first = text.split(separator: "\n").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
        let cleaned = first.filter { $0 != "[" && $0 != "]" }
        return cleaned.isEmpty ? "plot of cell \(cell)" : cleaned
    }
}
