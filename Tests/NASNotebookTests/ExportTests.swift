import Foundation
import Testing
@testable import NASNotebook

@Suite struct ExportTests {
    let splitter = ProseSplitter()

    func sampleNotebook() -> Notebook {
        var notebook = Notebook()
        notebook.record(input: "# Times add across units.\nt = 20ms + 1s\nt", result: "1.02s")
        notebook.record(input: "print(\"hi\")", printed: "hi\n")
        notebook.record(input: "assert t < 1s, \"too slow\"", diagnostics: "<cell>:1:1: error: too slow",
                        status: .assertionFailed)
        return notebook
    }

    /// Parses the exported notebook back with Foundation's JSON reader.
    func parse(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func ipynbIsNbformat4WithProseAndCodeCells() throws {
        let document = try parse(IpynbExporter(splitter: splitter).export(sampleNotebook()))
        #expect(document["nbformat"] as? Int == 4)
        let cells = try #require(document["cells"] as? [[String: Any]])
        #expect(cells.map { $0["cell_type"] as? String } == ["markdown", "code", "code", "code"])
        #expect(cells[0]["source"] as? [String] == ["Times add across units."])
        #expect(cells[1]["source"] as? [String] == ["t = 20ms + 1s\n", "t"])
        #expect(cells[1]["execution_count"] as? Int == 1)
        let ids = cells.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == cells.count)
    }

    @Test func ipynbOutputsCarryValuesStreamsAndErrors() throws {
        let cells = try #require(try parse(IpynbExporter(splitter: splitter).export(sampleNotebook()))["cells"]
            as? [[String: Any]])
        let result = try #require((cells[1]["outputs"] as? [[String: Any]])?.first)
        #expect(result["output_type"] as? String == "execute_result")
        #expect((result["data"] as? [String: Any])?["text/plain"] as? [String] == ["1.02s"])
        let stream = try #require((cells[2]["outputs"] as? [[String: Any]])?.first)
        #expect(stream["output_type"] as? String == "stream")
        #expect(stream["text"] as? [String] == ["hi\n"])
        let error = try #require((cells[3]["outputs"] as? [[String: Any]])?.first)
        #expect(error["output_type"] as? String == "error")
        #expect(error["ename"] as? String == "AssertionFailed")
    }

    @Test func ipynbPassesPythonsJsonAndNbformatShapeCheck() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-\(UUID()).ipynb")
        defer { try? FileManager.default.removeItem(at: url) }
        try IpynbExporter(splitter: splitter).export(sampleNotebook()).write(to: url, atomically: true, encoding: .utf8)
        let check = """
        import json, sys
        nb = json.load(open(sys.argv[1]))
        assert nb["nbformat"] == 4 and nb["nbformat_minor"] >= 4
        for c in nb["cells"]:
            assert c["cell_type"] in ("markdown", "code") and isinstance(c["source"], list)
            if c["cell_type"] == "code":
                assert isinstance(c["outputs"], list) and "execution_count" in c
        print(len(nb["cells"]))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", check, url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "4")
    }

    @Test func markdownTurnsCommentsIntoProseAndFencesCodeAndOutput() {
        let page = MarkdownExporter(splitter: splitter).export(sampleNotebook())
        #expect(page.contains("Times add across units.\n\n```nas\nt = 20ms + 1s\nt\n```\n\n```text\n1.02s\n```"))
        #expect(page.contains("```text\nhi\n```"))
        #expect(page.contains("error: too slow"))
        #expect(!page.contains("# Times"))
    }

    @Test func markdownFenceOutgrowsBackticksInTheText() {
        #expect(MarkdownExporter.fence("a ```` b", language: "") == "`````\na ```` b\n`````")
    }

    /// The default exporters split cells with the interpreter's completeness check: a comment
    /// after a trailing `|` stays inside the pipeline's code block.
    @Test func markdownKeepsAPipelineWithATrailingBarInOneBlock() {
        var notebook = Notebook()
        notebook.record(input: "t = xs |\n# the first three\ntake 3")
        #expect(MarkdownExporter().export(notebook).contains("```nas\nt = xs |\n# the first three\ntake 3\n```"))
    }
}
