import Foundation
import NASBenchmarks
import NASCore
import NASEngine
import NASSearch
import NASSpaces
import NASTraining
import Testing

/// A launched run (the store-backed loop) and simulate's run of the same request and seed record the
/// same trials: the same architectures, at the same fidelities, with the same metrics, on a table whose
/// results depend on the seed, on a user's CSV table, and with real training on a small subset.
@Suite("Launched and simulated runs agree", .serialized)
struct LaunchSimulateTests {
    /// The trials a launched run records: canonical architecture, epochs and metrics, in order.
    static func launched(_ request: SearchRequest) throws -> [Row] {
        let session = Session(workspace: FileManager.default.temporaryDirectory
            .appendingPathComponent("naslab-launch-sim-\(UUID().uuidString)/.naslab"))
        defer { try? FileManager.default.removeItem(at: session.workspace.deletingLastPathComponent()) }
        let handle = try session.launch(request)
        let progress = handle.wait()
        #expect(progress.status == .done, "\(progress.error ?? "")")
        return try session.runs().store.trials(run: handle.id).map {
            Row(arch: $0.architecture, epochs: $0.fidelity.epochs, metrics: $0.metrics, status: $0.status.rawValue)
        }
    }

    /// The trials simulate's run of the same seed keeps.
    static func simulated(_ request: SearchRequest) throws -> [Row] {
        let session = Session(workspace: FileManager.default.temporaryDirectory.appendingPathComponent("naslab-unused/.naslab"))
        let runs = try session.simulate(request, seeds: [request.seed], keepTrials: true)
        let outcome = try #require(runs.outcomes.first).outcome
        return outcome.trials.map {
            Row(arch: request.space.canonical($0.proposal.architecture), epochs: $0.proposal.fidelity.epochs,
                metrics: $0.result.metrics, status: $0.result.status.rawValue)
        }
    }

    struct Row: Equatable, CustomStringConvertible {
        var arch: String
        var epochs: Int?
        var metrics: [String: Double]
        var status: String
        /// The row without `train_time`.
        var untimed: Row {
            var copy = self
            copy.metrics["train_time"] = nil
            return copy
        }
        var description: String { "\(arch) @\(epochs.map(String.init) ?? "-") \(status) \(metrics.sorted { $0.key < $1.key })" }
    }

    @Test("NAS-Bench-201 with one random seed per query (results depend on the seed)")
    func nb201RandomTrial() throws {
        let evaluator = try NB201Evaluator(dataset: "cifar10", epochs: 200, metric: "valid", trial: "random")
        for strategy in ["random", "evolution"] {
            let request = SearchRequest(strategy: strategy, space: NB201Space(), evaluator: evaluator, budget: .trials(30), seed: 3)
            let launched = try Self.launched(request), simulated = try Self.simulated(request)
            #expect(launched.count == 30)
            #expect(launched == simulated, "\(strategy)")
        }
    }

    @Test("a user's CSV table, with repeated architectures and a default fidelity")
    func csvTable() throws {
        let space = RunTestSpace()
        var rng = SeededRandom(seed: 8)
        var csv = "arch,accuracy,train_time\n"
        for a in ["x", "y", "z"] {
            for b in ["x", "y", "z"] { csv += "\(a)-\(b),\(rng.nextDouble()),\(10 + rng.nextInt(below: 50))\n" }
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-table-\(UUID().uuidString).csv")
        try csv.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let table = try BenchmarkTable.load(csv: url, space: space, key: "arch", metrics: ["accuracy", "train_time"])
        let request = SearchRequest(strategy: "evolution", settings: ["population": 4, "sample": 2], space: space, evaluator: table,
                                    budget: .trials(25), seed: 5)
        let launched = try Self.launched(request)
        #expect(launched.count == 25 && Set(launched.map(\.arch)).count < 25)
        #expect(launched == (try Self.simulated(request)))
    }

    @Test("real training on a small subset of digits")
    func training() throws {
        let data = try BuiltinDatasets.load("digits", train: 200, valid: 100, test: 50, seed: 1)
        let evaluator = TrainingEvaluator(dataset: data, config: TrainingConfig(epochs: 2, batchSize: 50, learningRate: 0.05, threads: 1))
        let space = try SpaceCatalogue.chain(depth: 1...2, operations: ["conv3x3", "max_pool_3x3"], widths: [4, 8], strides: [1, 2],
                                           skips: "none", merge: nil)
        let request = SearchRequest(strategy: "random", space: space, evaluator: evaluator, budget: .trials(6), seed: 2)
        let launched = try Self.launched(request)
        #expect(launched.count == 6 && launched.allSatisfy { $0.metrics["accuracy"] != nil })
        // Everything but the seconds the training took, which are measured, not computed.
        let simulated = try Self.simulated(request).map(\.untimed)
        #expect(launched.map(\.untimed) == simulated)
    }
}
