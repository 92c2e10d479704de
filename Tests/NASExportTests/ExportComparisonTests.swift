import Foundation
import NASCore
import NASSpaces
import NASTensor
import NASTraining
import Testing
@testable import NASExport

/// Each export loaded by the reference tools: every ONNX model passes `onnx.checker.check_model`
/// (full check) and, run by onnxruntime, and every PyTorch module, run by torch in eval mode,
/// gives naslab's inference outputs on random inputs (relative error under 1e-4), for at least
/// one architecture of every space. All cases go through one python3 process.
@Suite struct ExportComparisonTests {
    /// One architecture to export.
    struct Case {
        let name: String
        let space: any SearchSpace
        let architecture: Architecture
        /// Whether the network is trained (one epoch on sklearn's digits) before the export.
        var trained = false
    }

    /// A sampled architecture of every catalogued space, plus the published members, an NB201
    /// cell that uses every one of its operations, and that cell trained.
    static func cases() throws -> [Case] {
        var cases = try SpaceCatalogue.names.map { name in
            let space = try SpaceCatalogue.make(name)
            var rng = SeededRandom(seed: 3)
            return Case(name: name, space: space, architecture: space.sample(using: &rng))
        }
        for member in SpaceCatalogue.namedMembers.keys.sorted() {
            let (space, architecture) = try SpaceCatalogue.member(member)
            cases.append(Case(name: member, space: space, architecture: architecture))
        }
        let nb201 = try SpaceCatalogue.nb201()
        let everyOp = "|nor_conv_3x3~0|+|avg_pool_3x3~0|none~1|+|skip_connect~0|nor_conv_1x1~1|nor_conv_3x3~2|"
        cases.append(Case(name: "nb201_every_op", space: nb201, architecture: try nb201.parse(everyOp)))
        let small = try SpaceCatalogue.nb201(channels: 4, cells: 1)
        cases.append(Case(name: "nb201_trained", space: small, architecture: try small.parse(everyOp), trained: true))
        return cases
    }

    /// A model with the seeded weights and batch norms whose γ, β and running statistics are
    /// random (the initial ones, 1, 0, 0, 1, would not show a mix-up of the four).
    static func model(_ spec: NetworkSpec, seed: UInt64) throws -> Model {
        let model = try Model(spec: spec, seed: seed)
        var rng = SeededRandom(seed: seed + 100)
        var tensors = model.stateTensors[...]
        for node in spec.nodes {
            let owned = NetworkWeights.suffixes(of: node.op)
            let mine = tensors.prefix(owned.count)
            tensors = tensors.dropFirst(owned.count)
            guard case .batchNorm = node.op else { continue }
            for (suffix, t) in zip(owned, mine) {
                let (low, high): (Double, Double) = suffix == "running_var" ? (0.75, 1.5) : (suffix == "weight" ? (0.75, 1.25) : (-0.25, 0.25))
                for i in 0..<t.count { t.data[i] = Float(low + (high - low) * rng.nextDouble()) }
            }
        }
        return model
    }

    /// A model trained for one epoch on `data` (its weights and batch-norm statistics as training left them).
    static func trainedModel(_ spec: NetworkSpec, on data: Dataset) throws -> Model {
        let model = try Model(spec: spec, seed: 5)
        _ = try Trainer(config: TrainingConfig(epochs: 1, batchSize: 50, learningRate: 0.1)).train(model, on: data, seed: 5)
        return model
    }

    /// The space's input shape at no more than 64×64 pixels (ImageNet spaces at 224×224 would
    /// spend the suite's time on arithmetic that shows nothing more), to keep the test fast.
    static func testInput(_ space: any SearchSpace) -> TensorShape {
        let s = space.defaultInput
        return TensorShape(channels: s.channels, height: min(s.height, 64), width: min(s.width, 64))
    }

    /// Random inputs `[2, c, h, w]`.
    static func input(_ shape: TensorShape, seed: UInt64) -> Tensor {
        var rng = SeededRandom(seed: seed)
        let values = (0..<(2 * shape.elementCount)).map { _ in Float(rng.nextGaussian()) }
        return Tensor(shape: [2, shape.channels, shape.height, shape.width], values: values)
    }

    /// Writes each case's exports, input and naslab's output; returns the case folders' manifest.
    static func writeCases(_ cases: [Case], to root: URL) throws -> [[String: Any]] {
        try cases.enumerated().map { index, c in
            let data = c.trained ? try BuiltinDatasets.load("digits", train: 300, valid: 50, test: 50) : nil
            let spec = try c.space.network(c.architecture, input: data?.shape ?? testInput(c.space), classes: 10)
            let model = try data.map { try trainedModel(spec, on: $0) } ?? model(spec, seed: UInt64(index + 1))
            let folder = root.appendingPathComponent(c.name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let title = "\(c.space.name) \(c.space.canonical(c.architecture))"
            try ArchitectureExporter.export(model, title: title, origin: "test", to: folder.appendingPathComponent("model.py").path)
            try ArchitectureExporter.export(model, title: title, origin: "test", to: folder.appendingPathComponent("model.onnx").path)
            let x = input(spec.input, seed: UInt64(index + 7))
            var rng = SeededRandom(seed: 0)
            let y = try model.forward(x, training: false, rng: &rng)
            // naslab's other inference path (batch norms folded, activations fused) gives the same outputs.
            let fast = try model.inferenceModel()(x).values, reference = y.values
            let scale = reference.map(abs).max() ?? 0
            let gap = zip(fast, reference).map { abs($0 - $1) }.max() ?? .infinity
            #expect(fast.count == reference.count && gap <= 1e-4 * scale, "\(c.name): InferenceModel differs by \(gap / scale)")
            try floats(x.values).write(to: folder.appendingPathComponent("input.bin"))
            try floats(y.values).write(to: folder.appendingPathComponent("expected.bin"))
            return ["name": c.name, "input": x.shape, "output": y.shape, "layers": spec.nodes.count]
        }
    }

    /// Little-endian float32 bytes.
    static func floats(_ values: [Float]) -> Data { values.withUnsafeBytes { Data($0) } }

    /// Checks every case with onnx, onnxruntime and torch; prints one JSON line per case.
    static let checker = """
    import importlib.util, json, sys
    import numpy as np, onnx, onnxruntime as ort, torch
    root = sys.argv[1]
    torch.set_num_threads(1)
    def error(y, ref):
        if y.shape != ref.shape:
            return float("inf")
        return float(np.abs(y - ref).max() / max(float(np.abs(ref).max()), 1e-30))
    for case in json.load(open(root + "/cases.json")):
        d = root + "/" + case["name"]
        result = {"name": case["name"]}
        try:
            x = np.fromfile(d + "/input.bin", dtype="<f4").reshape(case["input"])
            ref = np.fromfile(d + "/expected.bin", dtype="<f4").reshape(case["output"])
            result["scale"] = float(np.abs(ref).max())
            m = onnx.load(d + "/model.onnx")
            onnx.checker.check_model(m, full_check=True)
            session = ort.InferenceSession(d + "/model.onnx", providers=["CPUExecutionProvider"])
            result["onnx"] = error(session.run(["logits"], {"input": x})[0], ref)
            spec = importlib.util.spec_from_file_location("export_" + case["name"], d + "/model.py")
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            net = module.load()
            with torch.no_grad():
                result["torch"] = error(net(torch.from_numpy(x)).numpy(), ref)
            result["bn_eval"] = all(not m.training for m in net.modules())
        except Exception as e:
            result["failure"] = f"{type(e).__name__}: {e}"
        print(json.dumps(result), flush=True)
    """

    @Test("every space's export is a readable module and matches naslab in onnxruntime and PyTorch (relative error < 1e-4) and passes the ONNX checker")
    func exportsMatchNaslab() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cases = try Self.cases()
        let started = Date()
        let manifest = try Self.writeCases(cases, to: root)
        print("export comparison: \(cases.count) cases written in \(Date().timeIntervalSince(started)) s")
        try JSONSerialization.data(withJSONObject: manifest).write(to: root.appendingPathComponent("cases.json"))
        for entry in manifest {
            let name = entry["name"] as? String ?? ""
            try Self.checkReadable(root.appendingPathComponent(name), name, layers: entry["layers"] as? Int ?? -1)
        }
        guard ExternalPython.available(["numpy", "onnx", "onnxruntime", "torch"], for: "export comparison") else { return }
        let checking = Date()
        let run = try ExternalPython.run(Self.checker, [root.path])
        print("export comparison: python3 checked them in \(Date().timeIntervalSince(checking)) s")
        #expect(run.status == 0, "python3 failed: \(run.errors)")
        let results = run.output.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(results.count == cases.count, "\(run.output)\n\(run.errors)")
        for result in results {
            let name = result["name"] as? String ?? "?"
            print("export comparison: \(name): onnxruntime \(result["onnx"] ?? "-"), torch \(result["torch"] ?? "-"), scale \(result["scale"] ?? "-")")
            #expect(result["failure"] == nil, "\(name): \(result["failure"] ?? "")")
            guard result["failure"] == nil else { continue }
            #expect((result["scale"] as? Double ?? 0) > 0, "\(name): naslab's output is all zeros, which would prove little")
            #expect((result["onnx"] as? Double ?? .infinity) < 1e-4, "\(name): onnxruntime's relative error \(result["onnx"] ?? "")")
            #expect((result["torch"] as? Double ?? .infinity) < 1e-4, "\(name): PyTorch's relative error \(result["torch"] ?? "")")
            #expect(result["bn_eval"] as? Bool == true, "\(name): load() must return the module in eval mode")
        }
        #expect(Set(SpaceCatalogue.names).isSubset(of: Set(results.compactMap { $0["name"] as? String })))
    }

    /// Checks that a written module is readable: lines of at most 120 characters, one line per
    /// layer in `forward` and nothing else there.
    static func checkReadable(_ folder: URL, _ name: String, layers: Int) throws {
        let source = try String(contentsOf: folder.appendingPathComponent("model.py"), encoding: .utf8)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 120 }, "\(name): a line of \(lines.map(\.count).max() ?? 0) characters")
        guard let start = lines.firstIndex(of: "    def forward(self, x):"),
              let end = lines[start...].firstIndex(where: { $0.hasPrefix("        return ") }) else {
            Issue.record("\(name): no forward method")
            return
        }
        let forward = lines[(start + 1)..<end]
        #expect(forward.allSatisfy { $0.hasPrefix("        h") && $0.contains(" = ") }, "\(name): forward has other lines than layers")
        #expect(forward.count == layers, "\(name): \(forward.count) lines in forward for \(layers) layers")
    }
}
