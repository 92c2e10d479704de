import NASCore
@testable import NASNotebook

/// A notebook with every kind of output, built by hand: prose with Markdown, a table value cut to
/// two of its sixty rows, printed text, a plot, an error, and a cell that never ran.
enum RichNotebookFixture {
    /// A tiny SVG document with an XML declaration, as `PlotSVGRenderer` writes one.
    static let svg = """
    <?xml version="1.0" encoding="UTF-8"?>
    <svg xmlns="http://www.w3.org/2000/svg" width="20" height="10" viewBox="0 0 20 10"><rect width="20" height="10" fill="red"/></svg>

    """

    /// The table: two rows shown of sixty, one text column with markup characters, one number column.
    static let table = Table(columns: ["arch", "params"], rows: [
        [.string("a<b|c"), .number(Quantity(3))],
        [.string("x & y"), .number(Quantity(12))],
    ])

    /// The notebook.
    static var notebook: Notebook {
        var notebook = Notebook()
        notebook.record(input: "# # Accuracy report\n# The **best** cells, by `params`:\n# - small\n# - large\nt = load()\nt",
                        outputs: [.value(DisplayedValue(text: "arch  params\n…", table: table, tableRowCount: 60))])
        notebook.record(input: "print(\"drawing\")\nplot([1, 2])",
                        outputs: [.stream("drawing\n"), .value(DisplayedValue(text: "a drawing", svg: svg))])
        notebook.record(input: "x = nope", outputs: [.error("s.nas:3:5: error: unknown name 'nope' <&>\n")],
                        status: .error)
        notebook.record(input: "y = 1", outputs: [], status: .notRun)
        return notebook
    }
}
