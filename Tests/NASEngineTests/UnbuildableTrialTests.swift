import Foundation
import NASCore
import NASEngine
import NASSearch
import NASSpaces
import NASTraining
import Testing

/// A chain space whose networks cannot be built when the first layer is a pooling layer (as a space
/// whose skeleton needs more pixels than the data has would refuse some members).
struct PartlyBuildableSpace: SearchSpace {
    let base: any SearchSpace
    var name: String { "partly_buildable" }
    var decisions: [Decision] { base.decisions }
    func validate(_ architecture: Architecture) throws { try base.validate(Architecture(space: base.name, tokens: architecture.tokens)) }
    func canonical(_ architecture: Architecture) -> String { base.canonical(Architecture(space: base.name, tokens: architecture.tokens)) }
    func parse(_ text: String) throws -> Architecture { Architecture(space: name, tokens: try base.parse(text).tokens) }
    func sample(using rng: inout SeededRandom) -> Architecture { Architecture(space: name, tokens: base.sample(using: &rng).tokens) }
    func network(_ architecture: Architecture, input: TensorShape, classes: Int) throws -> NetworkSpec {
        let own = Architecture(space: base.name, tokens: architecture.tokens)
        if canonical(architecture).contains("layer[0].op=max_pool_3x3") {
            throw SpaceError("a pooling layer first needs at least 64×64 pixels, got \(input)")
        }
        return try base.network(own, input: input, classes: classes)
    }
}

/// A trial whose network cannot be built fails alone, with its reason, and the run goes on.
@Suite("Trials whose network cannot be built")
struct UnbuildableTrialTests {
    @Test("a launched training run records such trials as failed with the reason and finishes its budget")
    func failsAlone() throws {
        let data = try BuiltinDatasets.load("digits", train: 100, valid: 50, test: 50, seed: 1)
        let evaluator = TrainingEvaluator(dataset: data, config: TrainingConfig(epochs: 1, batchSize: 50, learningRate: 0.05, threads: 1))
        let base = try SpaceCatalogue.chain(depth: 1...2, operations: ["conv3x3", "max_pool_3x3"], widths: [4], strides: [1],
                                          skips: "none", merge: nil)
        let space = PartlyBuildableSpace(base: base)
        let session = Session(workspace: FileManager.default.temporaryDirectory
            .appendingPathComponent("naslab-unbuildable-\(UUID().uuidString)/.naslab"))
        defer { try? FileManager.default.removeItem(at: session.workspace.deletingLastPathComponent()) }
        let handle = try session.launch(SearchRequest(strategy: "random", space: space, evaluator: evaluator, budget: .trials(12), seed: 4))
        let progress = handle.wait()
        #expect(progress.status == .done && progress.trials == 12, "\(progress.line)")
        let trials = try session.runs().store.trials(run: handle.id)
        let failed = trials.filter { $0.status == .failed }
        #expect(!failed.isEmpty && failed.count < 12, "the random search should draw both kinds")
        for trial in failed {
            #expect(trial.architecture.contains("layer[0].op=max_pool_3x3"))
            #expect(trial.error?.contains("at least 64×64 pixels") == true, "\(trial.error ?? "no reason")")
        }
        #expect(progress.failed == failed.count)
    }
}
