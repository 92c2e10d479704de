import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NASSpaces
import Testing
@testable import NASExport

/// Diagrams drawn by Graphviz: the SVG parses as XML and has one node per cell node or layer and
/// one edge per operation or connection, counted by hand from the architecture.
@Suite struct DiagramRendererTests {
    /// Counts the `<g class="node">` and `<g class="edge">` groups of an SVG document.
    final class GroupCounter: NSObject, XMLParserDelegate {
        var nodes = 0, edges = 0, root = ""

        /// Counts one element (and remembers the document's root element).
        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if root.isEmpty { root = element }
            guard element == "g" else { return }
            if attributes["class"] == "node" { nodes += 1 }
            if attributes["class"] == "edge" { edges += 1 }
        }
    }

    /// The counts of a parsed SVG; nil when it is not well-formed XML.
    private func counts(_ svg: Data) -> GroupCounter? {
        let parser = XMLParser(data: svg), counter = GroupCounter()
        parser.delegate = counter
        return parser.parse() ? counter : nil
    }

    /// Whether Graphviz is there; fails under NASLAB_REQUIRE_EXTERNAL=1 when it is not.
    private func graphvizAvailable() -> Bool {
        guard DiagramRenderer.dotExecutable == nil else { return true }
        if ProcessInfo.processInfo.environment["NASLAB_REQUIRE_EXTERNAL"] == "1" {
            Issue.record("NASLAB_REQUIRE_EXTERNAL=1 but Graphviz's dot is not installed (scripts/setup installs graphviz)")
        } else {
            print("skipped: Graphviz's dot is not installed")
        }
        return false
    }

    @Test("an NB201 cell with one none edge: 4 nodes (in, 1, 2, out) and 5 operation edges")
    func nb201Cell() throws {
        guard graphvizAvailable() else { return }
        let space = try SpaceCatalogue.nb201()
        let a = try space.parse("|nor_conv_3x3~0|+|avg_pool_3x3~0|none~1|+|skip_connect~0|nor_conv_1x1~1|nor_conv_3x3~2|")
        let svg = try #require(counts(try DiagramRenderer.svg(space.dot(a))))
        #expect(svg.root == "svg")
        #expect(svg.nodes == 4)
        #expect(svg.edges == 5)
    }

    @Test("DARTS-V2's two cells: 2 × (2 inputs + 4 nodes + concat) = 14 nodes, 2 × 4 × (2 ops + 1 to concat) = 24 edges")
    func dartsCells() throws {
        guard graphvizAvailable() else { return }
        let (space, a) = try SpaceCatalogue.member("darts_v2")
        let svg = try #require(counts(try DiagramRenderer.svg(space.dot(a))))
        #expect(svg.nodes == 14)
        #expect(svg.edges == 24)
    }

    @Test("a three-layer network: the input and one node per layer, one edge per connection")
    func network() throws {
        guard graphvizAvailable() else { return }
        var b = try NetworkBuilder(input: TensorShape(channels: 3, height: 8, width: 8))
        let conv = try b.add(.conv(outChannels: 4, kernel: 3, stride: 1, padding: 1, dilation: 1, groups: 1, bias: false), [-1], name: "conv")
        let relu = try b.add(.relu, [conv], name: "relu")
        let sum = try b.add(.add, [conv, relu], name: "sum")
        let svg = try #require(counts(try DiagramRenderer.svg(b.build(output: sum).dot())))
        #expect(svg.nodes == 4)
        #expect(svg.edges == 4)
    }

    @Test("without Graphviz, drawing an SVG is an error that says so and names .txt and .dot")
    func missingGraphviz() throws {
        #expect(DiagramRenderer.dotExecutable(searching: "/nonexistent-naslab") == nil)
        #expect {
            try DiagramRenderer.svg("digraph g {}", dot: nil)
        } throws: { error in
            let text = (error as? ExportError)?.description ?? ""
            return text.contains("Graphviz's `dot` is not installed") && text.contains(".txt") && text.contains(".dot")
        }
    }

    @Test("save writes .dot and .txt as given and refuses other extensions with the ones it takes")
    func saveByExtension() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-diagram-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try DiagramRenderer.save(dot: "digraph g {}", text: "a cell", to: folder.appendingPathComponent("a.dot").path)
        try DiagramRenderer.save(dot: "digraph g {}", text: "a cell", to: folder.appendingPathComponent("a.txt").path)
        #expect(try String(contentsOf: folder.appendingPathComponent("a.dot"), encoding: .utf8) == "digraph g {}")
        #expect(try String(contentsOf: folder.appendingPathComponent("a.txt"), encoding: .utf8) == "a cell\n")
        #expect {
            try DiagramRenderer.save(dot: "", text: "", to: folder.appendingPathComponent("a.png").path)
        } throws: { ($0 as? ExportError)?.description.contains(".svg") == true }
    }
}
