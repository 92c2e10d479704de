import Foundation
import Testing
@testable import NASNotebook

@Suite struct HTMLExporterTests {
    var page: XHTMLDocument { XHTMLDocument(HTMLExporter().export(RichNotebookFixture.notebook)) }

    @Test("the page is well-formed XHTML that needs nothing else: no script, no link, no external source")
    func standsAlone() {
        #expect(page.isWellFormed, "\(page.error ?? "")")
        for name in ["script", "link", "img", "iframe", "object"] { #expect(page.all(name).isEmpty, "\(name)") }
        #expect(page.elements.allSatisfy { $0.attributes["src"] == nil && $0.attributes["href"] == nil })
        #expect(page.all("style").count == 1)
        #expect(page.all("meta").contains { $0.attributes["charset"] == "utf-8" })
    }

    @Test("comments become prose: a heading (also the title), bold, code and a list")
    func proseIsMarkdown() {
        #expect(page.all("title").map(\.text) == ["Accuracy report"])
        #expect(page.all("h1").map(\.text) == ["Accuracy report"])
        #expect(page.all("strong").map(\.text) == ["best"])
        #expect(page.all("code").filter { $0.ancestors.contains("section") }.map(\.text) == ["params"])
        #expect(page.all("li").map(\.text) == ["small", "large"])
        #expect(page.all("p").map(\.text) == ["The best cells, by params:"])
    }

    @Test("code cells are numbered as in the REPL; a cell that never ran has an empty number")
    func promptsAreNumbered() {
        let prompts = page.all("div", class: "prompt").map(\.text).filter { !$0.isEmpty }
        #expect(prompts == ["In [1]:", "Out[1]:", "In [2]:", "Out[2]:", "In [3]:", "In [ ]:"])
        #expect(page.all("pre", class: "code").count == 4)
        #expect(page.all("div", class: "not-run").count == 1)
        #expect(page.all("code").filter { $0.ancestors.contains("pre") }.map(\.text)
                == ["t = load()\nt", "print(\"drawing\")\nplot([1, 2])", "x = nope", "y = 1"])
    }

    @Test("a table value is a table: a header, its cells escaped, numbers right-aligned, the hidden rows counted")
    func tableIsATable() {
        #expect(page.all("table").count == 1)
        #expect(page.all("th").map(\.text) == ["arch", "params"])
        #expect(page.all("td").map(\.text) == ["a<b|c", "3", "x & y", "12"])
        #expect(page.all("td", class: "num").map(\.text) == ["3", "12"])
        #expect(page.all("caption").map(\.text) == ["… 58 more rows"])
    }

    @Test("a plot is inline SVG without its XML declaration; printed text and errors are blocks of their own")
    func plotsAndErrors() {
        let svgs = page.all("svg")
        #expect(svgs.count == 1)
        #expect(svgs.first?.ancestors.last == "figure")
        #expect(page.all("rect").first?.attributes["fill"] == "red")
        #expect(!HTMLExporter().export(RichNotebookFixture.notebook).contains("<?xml"))
        #expect(page.all("div", class: "stream").map(\.text) == ["drawing"])
        #expect(page.all("div", class: "error").map(\.text) == ["s.nas:3:5: error: unknown name 'nope' <&>"])
    }
}

@Suite struct ProseHTMLTests {
    @Test("inline Markdown: code keeps its stars, bold holds code, emphasis, snake_case and 2*3*4 stay text")
    func inline() {
        #expect(ProseHTML.inline("`a*b*c` and **bold `x`** *it* or snake_case_name, 2*3*4")
                == "<code>a*b*c</code> and <strong>bold <code>x</code></strong> <em>it</em> or snake_case_name, 2*3*4")
        #expect(ProseHTML.inline("<tag> & \"q\"") == "&lt;tag&gt; &amp; &quot;q&quot;")
        #expect(ProseHTML.inline("an unclosed `tick") == "an unclosed `tick")
    }

    @Test("blocks: headings by level, paragraphs joined across lines, numbered lists, blank lines between")
    func blocks() {
        let html = ProseHTML.html("## Setup\nOne line\nand the next.\n\n1. first\n2. second\nAfter.")
        #expect(html == "<h2>Setup</h2>\n<p>One line and the next.</p>\n<ol><li>first</li><li>second</li></ol>\n<p>After.</p>")
    }
}
