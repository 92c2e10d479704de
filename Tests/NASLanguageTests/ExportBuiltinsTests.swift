import Foundation
import Testing
@testable import NASLanguage

/// `export` and `save` of an architecture through the language: the files they write, the
/// trained weights of `train:`, and their errors.
@Suite struct ExportBuiltinsTests {
    /// A fresh scratch folder.
    private func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A safetensors file's JSON header and its data.
    private func split(_ url: URL) throws -> (header: String, data: Data) {
        let bytes = try Data(contentsOf: url)
        let size = bytes.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        return (String(decoding: bytes[8..<(8 + size)], as: UTF8.self), bytes.suffix(from: 8 + size))
    }

    @Test("export(a, \"m.py\") writes the module and its weights beside it and returns both paths; .onnx writes one file")
    func writesFiles() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let harness = Harness()
        let value = harness.value("export(sample(nb201(), seed: 1), \"\(dir.path)/m.py\", seed: 2)")
        #expect(value == "[\"\(dir.path)/m.py\", \"\(dir.path)/m.safetensors\"]")
        let source = try String(contentsOf: dir.appendingPathComponent("m.py"), encoding: .utf8)
        #expect(source.contains("class Net(nn.Module):"))
        #expect(source.contains("seed 2"))
        #expect(harness.value("len(export(sample(nb201(), seed: 1), \"\(dir.path)/m.onnx\"))") == "1")
        let onnx = try Data(contentsOf: dir.appendingPathComponent("m.onnx"))
        #expect(onnx.count > 4 * 1000)  // the weights are inside
    }

    @Test("with train:, the export holds the trained weights of the same network (same tensors, other values)")
    func trainedWeights() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let harness = Harness()
        let (_, result) = harness.run("""
        a = sample(chain(depth: 2..2, ops: ["conv3x3"], widths: [8], strides: [2]), seed: 1)
        ev = train(dataset("digits", train: 200, valid: 50, test: 50), epochs: 1, batch: 50)
        export(a, "\(dir.path)/trained.py", train: ev, seed: 3)
        export(a, "\(dir.path)/initial.py", input: [1, 8, 8], classes: 10, seed: 3)
        """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let trained = try split(dir.appendingPathComponent("trained.safetensors"))
        let initial = try split(dir.appendingPathComponent("initial.safetensors"))
        let strip = { (h: String) in h.replacingOccurrences(of: #""__metadata__":\{[^}]*\},"#, with: "", options: .regularExpression).trimmingCharacters(in: .whitespaces) }
        #expect(strip(trained.header) == strip(initial.header))
        #expect(trained.data.count == initial.data.count)
        #expect(trained.data != initial.data)
        #expect(trained.header.contains("trained by naslab on digits"))
    }

    @Test("save(a, …) writes the diagram as SVG, dot text or the text diagram")
    func savesDiagrams() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let harness = Harness()
        let (_, result) = harness.run("""
        a = sample(nb201(), seed: 1)
        save(a, "\(dir.path)/cell.txt")
        save(a, "\(dir.path)/cell.dot")
        """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(try String(contentsOf: dir.appendingPathComponent("cell.txt"), encoding: .utf8).hasPrefix("nb201 cell |"))
        #expect(try String(contentsOf: dir.appendingPathComponent("cell.dot"), encoding: .utf8).hasPrefix("digraph"))
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") {
            #expect(harness.value("save(sample(nb201(), seed: 1), \"\(dir.path)/cell.svg\")").hasSuffix("cell.svg\""))
            #expect(try String(contentsOf: dir.appendingPathComponent("cell.svg"), encoding: .utf8).contains("<svg"))
        }
    }

    @Test("a wrong extension or evaluator is an error that says what export takes")
    func errors() throws {
        let harness = Harness()
        #expect(harness.value("export(sample(nb201(), seed: 1), \"m.png\")").contains(".py (a PyTorch module) or .onnx"))
        #expect(harness.value("export(sample(nb201(), seed: 1), \"m.py\", train: nb201(dataset: \"cifar10\"))")
            .contains("train: takes a training evaluator"))
        #expect(harness.value("save(sample(nb201(), seed: 1), \"cell.png\")").contains(".svg (drawn by Graphviz), .dot"))
    }
}
