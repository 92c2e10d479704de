import Foundation
import NASCore
import NASEngine
import NASHardware
import NASSpaces
import NASTraining
import Testing

/// Describing runs' spaces and evaluators for queue workers in other processes, and rebuilding them.
@Suite struct EvaluationDescriptionTests {
    /// Every space of the catalogue with its defaults, and others built with non-default settings.
    static func spaces() throws -> [any SearchSpace] {
        let basenet = try SpaceCatalogue.basenet(blocks: ["vgg_k3", "mb_k5_e3", "res_k3"], positions: 1)
        let composed = try SpaceCatalogue.compose(
            name: "tiny", spec: .sequence([.choice("width", ["8", "16"]), .choice("op", ["conv3x3", "conv1x1"])]),
            input: TensorShape(channels: 1, height: 12, width: 12), classes: 4, help: "")
        return try SpaceCatalogue.names.map(SpaceCatalogue.make) + [
            try SpaceCatalogue.nb201(channels: 8, cells: 2),
            try SpaceCatalogue.segment(skeleton: "mnasnet", frame: "mnasnet_a1"),
            try SpaceCatalogue.cell(operations: ["sep_conv_3x3", "skip_connect", "max_pool_3x3"], nodes: 3, channels: 8, layers: 5),
            try SpaceCatalogue.ofa(low: 160, high: 192, step: 16),
            try SpaceCatalogue.fbnet(width: 0.35),
            basenet,
            try SpaceCatalogue.hierarchical(motifs: 3, channels: 8),
            try SpaceCatalogue.chain(depth: 2...4, operations: nil, widths: [8, 16], strides: [1, 2], skips: "chosen", merge: nil),
            composed,
            try ProfiledSpace(parent: basenet, kept: [[0, 2], [1], [0, 1, 2]]),
        ]
    }

    @Test("every catalogue, composed and profiled space is rebuilt to one that decodes the same networks")
    func spacesRoundTrip() throws {
        for space in try Self.spaces() {
            let part = try #require(EvaluationDescription.SpacePart(describing: space), "\(space.name) has no description")
            let rebuilt = try Self.throughJSON(part).rebuild()
            #expect(rebuilt.name == space.name && rebuilt.size == space.size, "\(space.name)")
            var rng = SeededRandom(seed: 11)
            for _ in 0..<4 {
                let a = space.sample(using: &rng)
                try rebuilt.validate(a)
                #expect(rebuilt.canonical(a) == space.canonical(a), "\(space.name)")
                let input = space.defaultInput, classes = space.defaultClasses
                let original = try space.network(a, input: input, classes: classes).cost
                let again = try rebuilt.network(a, input: input, classes: classes).cost
                #expect(original.macs == again.macs && original.params == again.params, "\(space.name) \(space.canonical(a))")
            }
        }
    }

    @Test("a space built here with other decisions than the run's is refused, naming the space")
    func fingerprintMismatch() throws {
        var part = try #require(EvaluationDescription.SpacePart(describing: try SpaceCatalogue.basenet(positions: 1)))
        part.blocks = ["vgg_k3", "res_k3"]
        let error = #expect(throws: WorkerError.self) { _ = try part.rebuild() }
        #expect("\(error.map { $0 } as Any)".contains("basenet"))
        #expect(EvaluationDescription.SpacePart(describing: RunTestSpace()) == nil)
    }

    @Test("measured latency, energy and the nearest-fidelity wrapper are rebuilt to the same descriptor and results")
    func hardwareEvaluators() throws {
        let space = try SpaceCatalogue.basenet(positions: 1)
        var model = EnergyModel()
        model.dramCost = 150
        let energy = try EnergyEvaluator(model: model, input: TensorShape(channels: 3, height: 16, width: 16))
        let measured = try MeasuredLatencyEvaluator(device: try EngineDevice(threads: 2), settings: MeasurementSettings(warmup: 1, repeats: 3),
                                                    input: TensorShape(channels: 3, height: 16, width: 16), batch: 2)
        let nearest = NearestFidelityEvaluator(try EvaluatorCatalogue.nb201(epochs: 12), available: [12, 200])
        var evaluators: [any Evaluator] = [energy, measured, nearest, CombinedEvaluator([energy, measured])]
        do {
            evaluators.append(try MeasuredLatencyEvaluator(device: try OnnxRuntimeDevice(threads: 1)))
        } catch where ProcessInfo.processInfo.environment["NASLAB_REQUIRE_EXTERNAL"] != "1" {
            print("skipped the onnxruntime device: \(error)")
        }
        for evaluator in evaluators {
            let part = try #require(EvaluationDescription.EvaluatorPart(describing: evaluator), "\(evaluator.descriptor)")
            let rebuilt = try Self.throughJSON(part).rebuild()
            #expect(rebuilt.descriptor == evaluator.descriptor)
        }
        var rng = SeededRandom(seed: 4)
        let a = space.sample(using: &rng)
        let rebuiltEnergy = try #require(EvaluationDescription.EvaluatorPart(describing: energy)).rebuild()
        let first = try EvaluatorCatalogue.evaluate(energy, a, in: space), second = try EvaluatorCatalogue.evaluate(rebuiltEnergy, a, in: space)
        #expect(first.metrics["energy"] != nil && first.metrics["energy"] == second.metrics["energy"])
    }

    /// The value written as JSON and read back, as a worker in another process reads it.
    static func throughJSON<T: Codable>(_ value: T) throws -> T {
        try JSONDecoder().decode(T.self, from: try JSONEncoder().encode(value))
    }

    @Test("training on a user's CSV is rebuilt from the file by absolute path, and refused once the file changes")
    func trainingOnFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-describe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("blobs.csv")
        try Self.blobs(seed: 1).write(to: file, atomically: true, encoding: .utf8)
        let data = try DatasetCatalogue.csv(file.path, label: "label", shape: nil, classes: nil,
                                            split: DatasetCatalogue.Split(valid: 20, test: 20, seed: 7))
        let evaluator = DatasetCatalogue.trainer(data, config: TrainingConfig(epochs: 1, batchSize: 16))
        let description = try #require(EvaluatorCatalogue.describe(space: try SpaceCatalogue.nb201(), evaluator: evaluator))
        let rebuilt = try EvaluatorCatalogue.rebuild(try EvaluationDescription(json: description.json))
        #expect(rebuilt.evaluator.descriptor == evaluator.descriptor)
        #expect((rebuilt.evaluator as? TrainingEvaluator)?.dataset == data)
        try Self.blobs(seed: 2).write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: WorkerError.self) { _ = try EvaluatorCatalogue.rebuild(description) }
        #expect("\(error.map { $0 } as Any)".contains("differs"))
    }

    /// A CSV of 120 labelled points in 3 classes: 4 features each, drawn from `seed`.
    static func blobs(seed: UInt64) -> String {
        var rng = SeededRandom(seed: seed)
        var lines = ["a,b,c,d,label"]
        for i in 0..<120 {
            let values = (0..<4).map { _ in String(format: "%.4f", Double(i % 3) + rng.nextDouble()) }
            lines.append(values.joined(separator: ",") + ",\(i % 3)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
