import NASCore

/// Writes a session as one standalone HTML page: prose from comments as paragraphs and headings,
/// code cells numbered as in the REPL, tables as tables, plots as inline SVG, errors styled.
///
/// The page needs nothing else to be read: no network, no scripts, the CSS inline. It is
/// written as well-formed XHTML-compatible HTML, so XML tools can check it as well as browsers.
public struct HTMLExporter: Sendable {
    /// Splits each cell's input into prose and code.
    public let splitter: ProseSplitter
    /// The page title when the prose has no heading.
    public let defaultTitle: String

    /// Creates an exporter that splits cells with `splitter`.
    public init(splitter: ProseSplitter = ProseSplitter(), defaultTitle: String = "naslab notebook") {
        self.splitter = splitter
        self.defaultTitle = defaultTitle
    }

    /// The HTML page.
    public func export(_ notebook: Notebook) -> String {
        var body: [String] = []
        var title: String?
        for cell in notebook.cells {
            for segment in splitter.segments(of: cell.input) {
                switch segment {
                case .prose(let text):
                    title = title ?? Self.firstHeading(text)
                    body.append("<section class=\"prose\">\n" + ProseHTML.html(text) + "\n</section>")
                case .code(let code):
                    body.append(Self.input(code, cell: cell))
                }
            }
            if !cell.outputs.isEmpty { body.append(Self.outputs(of: cell)) }
        }
        return Self.page(title: title ?? defaultTitle, body: body.joined(separator: "\n"))
    }

    private static func firstHeading(_ prose: String) -> String? {
        prose.split(separator: "\n").lazy.compactMap { ProseHTML.heading(String($0))?.text }.first
    }

    private static func prompt(_ word: String, _ cell: NotebookCell) -> String {
        "<div class=\"prompt\">\(word)[\(cell.executionCount.map(String.init) ?? " ")]:</div>"
    }

    private static func input(_ code: String, cell: NotebookCell) -> String {
        let state = cell.status == .notRun ? " not-run" : ""
        return "<div class=\"cell input\(state)\">" + prompt("In ", cell)
            + "<pre class=\"code\"><code>" + HTMLText.escape(code) + "</code></pre></div>"
    }

    private static func outputs(of cell: NotebookCell) -> String {
        var parts = ["<div class=\"outputs\">"]
        for output in merged(cell.outputs) {
            switch output {
            case .stream(let text):
                parts.append("<div class=\"cell output stream\"><div class=\"prompt\"></div><pre>"
                             + HTMLText.escape(text.trimmingTrailingNewlines()) + "</pre></div>")
            case .value(let value):
                parts.append("<div class=\"cell output value\">" + prompt("Out", cell) + Self.value(value) + "</div>")
            case .error(let text):
                parts.append("<div class=\"cell output error\"><div class=\"prompt\"></div><pre>"
                             + HTMLText.escape(text.trimmingTrailingNewlines()) + "</pre></div>")
            }
        }
        parts.append("</div>")
        return parts.joined(separator: "\n")
    }

    /// The outputs with runs of printed text joined into one block.
    static func merged(_ outputs: [NotebookOutput]) -> [NotebookOutput] {
        var merged: [NotebookOutput] = []
        for output in outputs {
            if case .stream(let text) = output, case .stream(let previous)? = merged.last {
                merged[merged.count - 1] = .stream(previous + text)
            } else {
                merged.append(output)
            }
        }
        return merged
    }

    private static func value(_ value: DisplayedValue) -> String {
        if let svg = value.svg {
            return "<figure class=\"plot\">\n" + HTMLText.inlineSVG(svg).trimmingTrailingNewlines() + "\n</figure>"
        }
        if let table = value.table {
            return "<div class=\"table\">\n" + HTMLTable.html(table, hiddenRows: value.hiddenRowCount) + "\n</div>"
        }
        return "<pre>" + HTMLText.escape(value.text) + "</pre>"
    }

    private static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="naslab \(NaslabVersion.number)"/>
        <title>\(HTMLText.escape(title))</title>
        <style>
        \(stylesheet)
        </style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        <footer>Written by naslab \(NaslabVersion.number).</footer>
        </body>
        </html>

        """
    }

    /// The page's CSS: readable prose, a narrow prompt column, quiet code, tables and plots that
    /// fit the page, errors in red.
    static let stylesheet = """
    body { margin: 0; background: #fafafa; color: #1f2328;
           font: 16px/1.55 -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; }
    main { max-width: 960px; margin: 0 auto; padding: 24px 32px 8px; background: white; min-height: 100vh; }
    footer { max-width: 960px; margin: 0 auto; padding: 8px 32px 24px; color: #6e7781; font-size: 13px; }
    h1, h2, h3, h4 { line-height: 1.25; margin: 1.4em 0 0.5em; }
    h1 { font-size: 1.9em; border-bottom: 1px solid #d8dee4; padding-bottom: 0.25em; }
    h2 { font-size: 1.4em; }
    h3 { font-size: 1.15em; }
    .prose { margin-left: 72px; }
    .prose p, .prose ul, .prose ol { margin: 0.5em 0; }
    code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13.5px; }
    .prose code { background: #eff1f3; padding: 0.1em 0.3em; border-radius: 4px; }
    .cell { display: flex; align-items: flex-start; margin: 6px 0; }
    .prompt { flex: 0 0 64px; margin-right: 8px; text-align: right; font: 13px/1.9 monospace; color: #303f9f;
              white-space: pre; }
    .output .prompt { color: #d84315; }
    .cell pre { flex: 1 1 auto; min-width: 0; margin: 0; padding: 6px 10px; overflow-x: auto; white-space: pre; }
    .input pre { background: #f6f8fa; border: 1px solid #e1e4e8; border-radius: 6px; white-space: pre-wrap;
                 overflow-wrap: anywhere; }
    .not-run pre { color: #8c959f; border-style: dashed; }
    .outputs { margin-bottom: 18px; }
    .stream pre, .value pre { background: white; white-space: pre-wrap; overflow-wrap: anywhere; }
    .error pre { background: #fff0f0; border-left: 4px solid #cf222e; color: #a40e26; border-radius: 0 6px 6px 0; }
    .table { flex: 1 1 auto; min-width: 0; overflow-x: auto; }
    table.data { border-collapse: collapse; font-size: 13.5px; margin: 2px 0; }
    table.data th, table.data td { padding: 3px 10px; border-bottom: 1px solid #e1e4e8; text-align: left;
                                   white-space: nowrap; }
    table.data td:not(.num) { white-space: normal; overflow-wrap: anywhere; min-width: 6em; }
    table.data th { border-bottom: 2px solid #8c959f; font-weight: 600; }
    table.data .num { text-align: right; font-variant-numeric: tabular-nums; }
    table.data tbody tr:nth-child(even) { background: #f6f8fa; }
    table.data caption { caption-side: bottom; text-align: left; color: #6e7781; padding-top: 4px; font-size: 13px; }
    figure.plot { flex: 1 1 auto; margin: 4px 0; }
    figure.plot svg { max-width: 100%; height: auto; border: 1px solid #e1e4e8; border-radius: 6px; }
    """
}
