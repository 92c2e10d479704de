/// Writes a session as a Markdown page: comments as prose, code and outputs in fenced blocks.
public struct MarkdownExporter: Sendable {
    /// Splits each cell's input into prose and code.
    public let splitter: ProseSplitter

    /// Creates an exporter that splits cells with `splitter`.
    public init(splitter: ProseSplitter = ProseSplitter()) {
        self.splitter = splitter
    }

    /// The Markdown page.
    public func export(_ notebook: Notebook) -> String {
        var blocks = ["# naslab session"]
        for cell in notebook.cells {
            blocks += self.blocks(for: cell)
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func blocks(for cell: NotebookCell) -> [String] {
        var blocks: [String] = []
        for segment in splitter.segments(of: cell.input) {
            switch segment {
            case .prose(let text): blocks.append(text)
            case .code(let code): blocks.append(Self.fence(code, language: "nas"))
            }
        }
        if let output = CellOutputText(cell: cell).combined {
            blocks.append(Self.fence(output, language: "text"))
        }
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
}
