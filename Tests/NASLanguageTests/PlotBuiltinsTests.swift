import Foundation
import Testing
@testable import NASLanguage

@Suite struct PlotBuiltinsTests {
    @Test("save(p, \"x.svg\") writes XML that Python's parser reads, its line through the data's pixels")
    func savedSVGParsesInPython() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-plot-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let harness = Harness()
        let (_, result) = harness.run("p = table({x: [0, 1], y: [0, 1]}) | plot x: x, y: y\nsave(p, \"\(path)\");")
        #expect(result.diagnostics.isEmpty)
        let script = """
        import sys, xml.etree.ElementTree as E
        root = E.parse(sys.argv[1]).getroot()
        ns = '{http://www.w3.org/2000/svg}'
        print(root.tag == ns + 'svg', [p.get('d') for p in root.iter(ns + 'path') if p.get('class') == 'series'])
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        // area x 72…616, y 344…40 (640 × 400, margins 72/24/40/56): (0, 0) → 72 344, (1, 1) → 616 40
        #expect(process.terminationStatus == 0)
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "True ['M 72 344 L 616 40']")
    }

    @Test("the drawing fits the width the interpreter is given")
    func fitsWidth() {
        for width in [50, 80, 140] {
            let harness = Harness()
            harness.interpreter.width = width
            let (output, _) = harness.run("table({x: [1, 2, 3], y: [1ms, 4ms, 2ms], s: [\"a\", \"b\", \"a\"]}) | plot x: x, y: y, by: s")
            let longest = output.split(separator: "\n").map(\.count).max() ?? 0
            #expect(longest <= width, "width \(width): a line of \(longest)")
            #expect(longest >= width - 8, "width \(width): the plot uses the width (longest line \(longest))")
        }
    }

    @Test("a bare `| plot` calls the builtin, which asks for an x column")
    func barePlotIsACall() {
        let harness = Harness()
        #expect(harness.value("table({a: [1]}) | plot").contains("plot needs an x column"))
        #expect(harness.value("type(table({a: [1, 2]}) | plot(x: \"a\"))") == "\"plot\"")
    }

    @Test("plot and save have full help pages whose examples parse")
    func helpPages() throws {
        let registry = BuiltinRegistry.standard()
        for name in ["plot", "save"] {
            let builtin = try #require(registry.lookup(name))
            #expect(builtin.help.count > 80 && builtin.parameters.allSatisfy { !$0.help.isEmpty }, "\(name)")
            let example = try #require(builtin.example)
            #expect(Parser.parse(example).1.isEmpty, "\(name)'s example does not parse")
            #expect(try #require(registry.helpText(for: name)).contains(builtin.signatureText))
        }
    }
}
