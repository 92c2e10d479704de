/// The formats a notebook can be saved in, chosen by the file's extension.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// A `.nas` script of the successful inputs.
    case script
    /// A Markdown page: comments as prose, code and outputs in fenced blocks.
    case markdown
    /// A Jupyter notebook (nbformat 4).
    case ipynb

    /// The format for a file name, from its extension (`.nas`, `.md`, `.ipynb`); nil for others.
    public init?(fileName: String) {
        let lowered = fileName.lowercased()
        if lowered.hasSuffix(".nas") {
            self = .script
        } else if lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") {
            self = .markdown
        } else if lowered.hasSuffix(".ipynb") {
            self = .ipynb
        } else {
            return nil
        }
    }

    /// Renders a notebook in this format.
    public func render(_ notebook: Notebook) -> String {
        switch self {
        case .script: return ScriptExporter().export(notebook)
        case .markdown: return MarkdownExporter().export(notebook)
        case .ipynb: return IpynbExporter().export(notebook)
        }
    }
}
