import Foundation

/// The formats a notebook can be saved in, chosen by the file's extension.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// A `.nas` script of the successful inputs.
    case script
    /// A Markdown page: comments as prose, code and outputs in fenced blocks, tables as
    /// Markdown tables, plots as SVG files beside the page.
    case markdown
    /// A Jupyter notebook (nbformat 4.5).
    case ipynb
    /// A standalone HTML page: inline CSS, tables as tables, plots as inline SVG.
    case html

    /// The extensions `init(fileName:)` accepts, as a user-facing list.
    public static let extensionList = ".nas, .md, .ipynb or .html"

    /// The format for a file name, from its extension (`.nas`, `.md`, `.ipynb`, `.html`); nil for others.
    public init?(fileName: String) {
        let lowered = fileName.lowercased()
        if lowered.hasSuffix(".nas") {
            self = .script
        } else if lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") {
            self = .markdown
        } else if lowered.hasSuffix(".ipynb") {
            self = .ipynb
        } else if lowered.hasSuffix(".html") || lowered.hasSuffix(".htm") {
            self = .html
        } else {
            return nil
        }
    }

    /// Renders a notebook in this format, as the text of its main file.
    public func render(_ notebook: Notebook) -> String {
        render(notebook, fileName: "notebook").text
    }

    /// Renders a notebook that will be written to `fileName`: the main file and the files it links to.
    public func render(_ notebook: Notebook, fileName: String) -> RenderedNotebook {
        let base = URL(fileURLWithPath: fileName).deletingPathExtension().lastPathComponent
        switch self {
        case .script: return RenderedNotebook(text: ScriptExporter().export(notebook))
        case .markdown: return MarkdownExporter(attachmentFolder: base + "_files").render(notebook)
        case .ipynb: return RenderedNotebook(text: IpynbExporter().export(notebook))
        case .html: return RenderedNotebook(text: HTMLExporter().export(notebook))
        }
    }

    /// Renders a notebook and writes it to `path`, with any files it links to beside it.
    public func write(_ notebook: Notebook, to path: String) throws {
        try render(notebook, fileName: path).write(to: path)
    }
}
