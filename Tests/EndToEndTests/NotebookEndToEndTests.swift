import Foundation
import Testing

/// `naslab run x.nas --notebook FILE` with the real binary: the script runs as without the
/// option, and the notebook (HTML, Jupyter, Markdown) is written even when the script fails.
@Suite struct NotebookEndToEndTests {
    /// Prose with Markdown, a two-series line plot, a table, a bar chart and printed text.
    static let report = """
    # # Notebook check
    # Accuracy by **epoch** for two runs, from a `table`.
    curves = table([{run: "a", epoch: 1, acc: 0.5}, {run: "a", epoch: 2, acc: 0.7}, {run: "a", epoch: 3, acc: 0.8},
                    {run: "b", epoch: 1, acc: 0.4}, {run: "b", epoch: 2, acc: 0.5}, {run: "b", epoch: 3, acc: 0.75}])
    curves | plot x: epoch, y: acc, by: run

    # ## Counts
    counts = table([{op: "conv3x3", n: 7}, {op: "skip", n: 4}, {op: "pool", n: 2}])
    counts
    counts | plot x: op, y: n
    print("done")
    """

    /// Runs the report with `--notebook name` and returns the run and the notebook's text.
    func runReport(_ name: String, in folder: TemporaryFolder) throws -> (run: NaslabBinary.Run, text: String) {
        try folder.write("report.nas", Self.report)
        let run = try NaslabBinary.run(["run", "report.nas", "--notebook", name, "--workspace", "ws"], in: folder.url)
        let text = try String(contentsOf: folder.url.appendingPathComponent(name), encoding: .utf8)
        return (run, text)
    }

    @Test("stdout is what the script prints without --notebook; stderr says where the notebook went")
    func outputIsUnchanged() throws {
        let folder = try TemporaryFolder()
        let (run, _) = try runReport("out.html", in: folder)
        let plain = try NaslabBinary.run(["run", "report.nas", "--workspace", "ws"], in: folder.url)
        #expect(run.status == 0 && plain.status == 0, "\(run.stderr)")
        #expect(run.stdout == plain.stdout)
        #expect(run.stdout.hasSuffix("done\n"))
        #expect(run.stderr == "naslab: wrote a notebook of 6 cells to out.html\n")
    }

    @Test("HTML: Python's html.parser finds balanced tags, two tables' worth of rows, two inline SVGs, no script")
    func htmlNotebook() throws {
        let folder = try TemporaryFolder()
        let (_, html) = try runReport("out.html", in: folder)
        let summary = try Self.htmlSummary(html, folder: folder)
        #expect(summary["unbalanced"] as? [String] == [], "\(summary)")
        let counts = try #require(summary["counts"] as? [String: Int])
        #expect(counts["svg"] == 2 && counts["table"] == 1 && counts["script"] == nil && counts["img"] == nil)
        #expect(counts["h1"] == 1 && counts["h2"] == 1 && counts["strong"] == 1)
        #expect(summary["td"] as? [String] == ["conv3x3", "7", "skip", "4", "pool", "2"])
        #expect(summary["prompts"] as? [String] == ["In [1]:", "In [2]:", "Out[2]:", "In [3]:", "In [4]:", "Out[4]:",
                                                      "In [5]:", "Out[5]:", "In [6]:"])
    }

    @Test("ipynb: nbformat reads and validates it; prose, tables and plots become markdown, text/html and image/svg+xml",
          .enabled(if: ExternalTools.runsNbformatChecks, "python3 has no nbformat (pip install nbformat)"))
    func ipynbNotebook() throws {
        let folder = try TemporaryFolder()
        _ = try runReport("out.ipynb", in: folder)
        let check = try ExternalTools.python("""
        import sys, nbformat
        nb = nbformat.read(sys.argv[1], as_version=4)
        nbformat.validate(nb)
        print(nb.nbformat, nb.nbformat_minor)
        for c in nb.cells:
            kinds = [",".join([o.output_type] + sorted(o.get("data", {}).keys())) for o in c.get("outputs", [])]
            print((c.cell_type + " " + str(c.get("execution_count")) + " " + " ".join(kinds)).rstrip())
        """, [folder.url.appendingPathComponent("out.ipynb").path])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output == """
        4 5
        markdown None
        code 1
        code 2 execute_result,image/svg+xml,text/plain
        markdown None
        code 3
        code 4 execute_result,text/html,text/plain
        code 5 execute_result,image/svg+xml,text/plain
        code 6 stream

        """)
    }

    @Test("Markdown: tables as Markdown tables, plots as SVG files beside the page")
    func markdownNotebook() throws {
        let folder = try TemporaryFolder()
        let (_, page) = try runReport("out.md", in: folder)
        #expect(page.contains("| op | n |\n| --- | ---: |\n| conv3x3 | 7 |\n| skip | 4 |\n| pool | 2 |"))
        #expect(page.contains("](out_files/plot-1.svg)") && page.contains("](out_files/plot-2.svg)"))
        for n in 1...2 {
            let svg = try String(contentsOf: folder.url.appendingPathComponent("out_files/plot-\(n).svg"), encoding: .utf8)
            #expect(svg.contains("<svg") && svg.contains("</svg>"))
        }
    }

    @Test("a failing script still writes its notebook: the error in its cell, later cells not run, exit 65")
    func failingScript() throws {
        let folder = try TemporaryFolder()
        try folder.write("fail.nas", "a = 1\nprint(\"before\")\nb = a + nope\nc = 2\n")
        let run = try NaslabBinary.run(["run", "fail.nas", "--notebook", "fail.ipynb", "--workspace", "ws"], in: folder.url)
        #expect(run.status == 65)
        #expect(run.stdout == "before\n")
        #expect(run.stderr.contains("fail.nas:3:9: error:") && run.stderr.hasSuffix("wrote a notebook of 4 cells to fail.ipynb\n"))
        let data = try Data(contentsOf: folder.url.appendingPathComponent("fail.ipynb"))
        let cells = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["cells"] as? [[String: Any]])
        #expect(cells.map { $0["execution_count"] as? Int } == [1, 2, 3, nil])
        let outputs = cells.map { ($0["outputs"] as? [[String: Any]] ?? []).map { $0["output_type"] as? String ?? "" } }
        #expect(outputs == [[], ["stream"], ["error"], []])
        let error = try #require((cells[2]["outputs"] as? [[String: Any]])?.first)
        #expect((error["evalue"] as? String)?.hasPrefix("fail.nas:3:9: error:") == true)

        let html = try NaslabBinary.run(["run", "fail.nas", "--notebook", "fail.html", "--workspace", "ws"], in: folder.url)
        #expect(html.status == 65)
        let page = try String(contentsOf: folder.url.appendingPathComponent("fail.html"), encoding: .utf8)
        #expect(page.contains("<div class=\"cell output error\">") && page.contains("In [ ]:"))
    }

    @Test("with --keep-going the statements after an error run too, and their cells show their outputs")
    func keepGoing() throws {
        let folder = try TemporaryFolder()
        try folder.write("fail.nas", "a = 1\nb = a + nope\n# still runs\na + 41\n")
        let run = try NaslabBinary.run(["run", "fail.nas", "--keep-going", "--notebook", "fail.ipynb", "--workspace", "ws"],
                                       in: folder.url)
        #expect(run.status == 65)
        #expect(run.stdout == "42\n")
        let data = try Data(contentsOf: folder.url.appendingPathComponent("fail.ipynb"))
        let cells = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["cells"] as? [[String: Any]])
        #expect(cells.map { $0["cell_type"] as? String } == ["code", "code", "markdown", "code"])
        #expect(cells.map { $0["execution_count"] as? Int } == [1, 2, nil, 3])
        let outputs = cells.map { ($0["outputs"] as? [[String: Any]] ?? []).map { $0["output_type"] as? String ?? "" } }
        #expect(outputs == [[], ["error"], [], ["execute_result"]])
    }

    @Test("a notebook that cannot be written is reported, and turns a successful run into exit 70")
    func unwritableNotebook() throws {
        let folder = try TemporaryFolder()
        try folder.write("s.nas", "print(\"ran\")\n")
        let run = try NaslabBinary.run(["run", "s.nas", "--notebook", "missing/out.html", "--workspace", "ws"], in: folder.url)
        #expect(run.status == 70)
        #expect(run.stdout == "ran\n")
        #expect(run.stderr.hasPrefix("naslab: error: cannot write the notebook 'missing/out.html':"), "\(run.stderr)")
    }

    @Test("--notebook with an extension naslab cannot write is a usage error before anything runs")
    func badExtension() throws {
        let folder = try TemporaryFolder()
        try folder.write("s.nas", "print(\"ran\")\n")
        let run = try NaslabBinary.run(["run", "s.nas", "--notebook", "out.pdf"], in: folder.url)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("--notebook writes .nas, .md, .ipynb or .html files, not 'out.pdf'"))
    }

    /// What Python's html.parser sees in a page: tag counts, tags left open or closed unopened,
    /// the text of each `td` and of each prompt.
    static func htmlSummary(_ html: String, folder: TemporaryFolder) throws -> [String: Any] {
        try folder.write("page.html", html)
        let result = try ExternalTools.python("""
        import sys, json
        from html.parser import HTMLParser
        VOID = {"meta", "br", "img", "hr", "input", "link"}
        class Page(HTMLParser):
            def __init__(self):
                super().__init__(); self.counts = {}; self.stack = []; self.unbalanced = []
                self.td = []; self.prompts = []; self.capture = None
            def handle_starttag(self, tag, attrs):
                self.counts[tag] = self.counts.get(tag, 0) + 1
                classes = (dict(attrs).get("class") or "").split()
                if tag == "td" or (tag == "div" and "prompt" in classes): self.capture = [tag, ""]
                if tag not in VOID: self.stack.append(tag)
            def handle_startendtag(self, tag, attrs):
                self.counts[tag] = self.counts.get(tag, 0) + 1
            def handle_endtag(self, tag):
                if tag in VOID: return
                if not self.stack or self.stack[-1] != tag: self.unbalanced.append(tag); return
                self.stack.pop()
                if self.capture and self.capture[0] == tag:
                    (self.td if tag == "td" else self.prompts).append(self.capture[1]); self.capture = None
            def handle_data(self, data):
                if self.capture: self.capture[1] += data
        p = Page(); p.feed(open(sys.argv[1], encoding="utf-8").read()); p.close()
        prompts = [t for t in p.prompts if t.strip()]
        print(json.dumps({"counts": p.counts, "unbalanced": p.unbalanced + p.stack, "td": p.td, "prompts": prompts}))
        """, [folder.url.appendingPathComponent("page.html").path])
        #expect(result.status == 0, "\(result.output)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }
}

/// `.save FILE.html` in the REPL: the session as the same standalone page a script makes.
@Suite struct ReplNotebookSaveTests {
    @Test("the REPL's .save writes an HTML page: prose from comments, numbered cells, a table, a plot, an error")
    func saveWritesHTML() throws {
        let folder = try TemporaryFolder()
        let workspace = folder.url.appendingPathComponent("ws").path
        let repl = try PseudoTerminal(arguments: ["--workspace", workspace], in: folder.url, environment: ["NO_COLOR": "1"])
        try repl.expect("In [1]: ")
        repl.type("# ## Counts by op\r")
        repl.type("t = table([{op: \"conv\", n: 3}, {op: \"skip\", n: 1}])\r")
        try repl.expect("In [2]: ")
        repl.type("t\r")
        try repl.expect("In [3]: ")
        repl.type("t | plot x: op, y: n\r")
        try repl.expect("In [4]: ")
        repl.type("t + nope\r")
        try repl.expect("In [5]: ")
        repl.type(".save s.html\r")
        try repl.expect("Saved 4 cells to s.html.")
        repl.type(".save s.pdf\r")
        try repl.expect("error: .save writes .nas, .md, .ipynb or .html files, not 's.pdf'")
        repl.type(".quit\r")
        #expect(repl.waitForExit() == 0)

        let html = try String(contentsOf: folder.url.appendingPathComponent("s.html"), encoding: .utf8)
        let summary = try NotebookEndToEndTests.htmlSummary(html, folder: folder)
        #expect(summary["unbalanced"] as? [String] == [], "\(summary)")
        let counts = try #require(summary["counts"] as? [String: Int])
        #expect(counts["h2"] == 1 && counts["table"] == 1 && counts["svg"] == 1 && counts["script"] == nil)
        #expect(summary["td"] as? [String] == ["conv", "3", "skip", "1"])
        #expect(summary["prompts"] as? [String] == ["In [1]:", "In [2]:", "Out[2]:", "In [3]:", "Out[3]:", "In [4]:"])
        #expect(html.contains("<div class=\"cell output error\">") && html.contains("In[4]:1:"))
    }
}
