import Foundation
import NASCore
import Testing
@testable import NASNotebook

@Suite struct RichExportTests {
    func ipynbCells() throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(IpynbExporter().export(RichNotebookFixture.notebook).utf8))
        return try #require((object as? [String: Any])?["cells"] as? [[String: Any]])
    }

    @Test("ipynb: a table's result carries text/plain and text/html, a plot's image/svg+xml; streams and errors keep their kinds")
    func ipynbMimeBundles() throws {
        let cells = try ipynbCells()
        #expect(cells.map { $0["cell_type"] as? String } == ["markdown", "code", "code", "code", "code"])
        let table = try #require((cells[1]["outputs"] as? [[String: Any]])?.first)
        #expect(table["output_type"] as? String == "execute_result")
        let tableData = try #require(table["data"] as? [String: Any])
        #expect(Set(tableData.keys) == ["text/plain", "text/html"])
        let html = (tableData["text/html"] as? [String])?.joined() ?? ""
        #expect(html.hasPrefix("<table") && html.contains("<td>a&lt;b|c</td>") && html.contains("58 more rows"))
        let plotOutputs = try #require(cells[2]["outputs"] as? [[String: Any]])
        #expect(plotOutputs.map { $0["output_type"] as? String } == ["stream", "execute_result"])
        let plotData = try #require(plotOutputs[1]["data"] as? [String: Any])
        let svg = (plotData["image/svg+xml"] as? [String])?.joined() ?? ""
        #expect(svg.hasPrefix("<svg") && svg.contains("fill=\"red\""))
        let error = try #require((cells[3]["outputs"] as? [[String: Any]])?.first)
        #expect(error["output_type"] as? String == "error")
        #expect(error["evalue"] as? String == "s.nas:3:5: error: unknown name 'nope' <&>")
    }

    @Test("ipynb: a cell that never ran has a null execution count and no outputs")
    func ipynbNotRun() throws {
        let cell = try ipynbCells()[4]
        #expect(cell["execution_count"] is NSNull)
        #expect((cell["outputs"] as? [Any])?.isEmpty == true)
    }

    @Test("ipynb: several values in one cell are displays, the last the execute_result")
    func ipynbSeveralValues() throws {
        var notebook = Notebook()
        notebook.record(input: "1\n2", outputs: [.value(DisplayedValue(text: "1")), .value(DisplayedValue(text: "2"))])
        let object = try JSONSerialization.jsonObject(with: Data(IpynbExporter().export(notebook).utf8))
        let cells = try #require((object as? [String: Any])?["cells"] as? [[String: Any]])
        let outputs = try #require(cells.first?["outputs"] as? [[String: Any]])
        #expect(outputs.map { $0["output_type"] as? String } == ["display_data", "execute_result"])
        #expect(outputs[0]["execution_count"] == nil)
        #expect(outputs[1]["execution_count"] as? Int == 1)
    }

    @Test("ipynb: nbformat validates the notebook against its 4.5 JSON schema",
          .enabled(if: ExternalPython.runsNbformatChecks, "python3 has no nbformat (pip install nbformat)"))
    func ipynbIsValidNbformat() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-\(UUID()).ipynb")
        defer { try? FileManager.default.removeItem(at: url) }
        try IpynbExporter().export(RichNotebookFixture.notebook).write(to: url, atomically: true, encoding: .utf8)
        let check = try ExternalPython.validateNotebook(at: url.path)
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.trimmingCharacters(in: .whitespacesAndNewlines) == "4 5 5")
    }

    @Test("Markdown: a table is a Markdown table, a plot an SVG file beside the page, linked as an image")
    func markdownTablesAndPlots() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-md-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("report.md").path
        try ExportFormat.markdown.write(RichNotebookFixture.notebook, to: path)
        let page = try String(contentsOfFile: path, encoding: .utf8)
        #expect(page.hasPrefix("# Accuracy report\n"), "the prose's own title opens the page")
        #expect(page.contains("""
        | arch | params |
        | --- | ---: |
        | a<b\\|c | 3 |
        | x & y | 12 |

        … 58 more rows
        """))
        #expect(page.contains("```text\ndrawing\n```\n\n![a drawing](report_files/plot-1.svg)"))
        let svg = try String(contentsOfFile: folder.appendingPathComponent("report_files/plot-1.svg").path, encoding: .utf8)
        #expect(svg == RichNotebookFixture.svg)
        #expect(page.contains("```text\ns.nas:3:5: error: unknown name 'nope' <&>\n```"))
    }

    @Test("the format follows the extension, .html and .htm included")
    func htmlExtension() {
        #expect(ExportFormat(fileName: "r.HTML") == .html)
        #expect(ExportFormat(fileName: "r.htm") == .html)
    }
}
