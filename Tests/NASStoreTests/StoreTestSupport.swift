import Foundation
import NASCore
import NASSpaces
import NASStore

/// Helpers shared by the store tests.
enum StoreFixture {
    /// A fresh store in a temporary directory.
    static func store() throws -> SQLiteStore {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-store-\(UUID().uuidString)")
        return try SQLiteStore.workspace(dir.path)
    }

    /// A run description.
    static func run(seed: UInt64 = 1, metric: String = "accuracy", maximise: Bool = true) -> RunRecord {
        RunRecord(strategy: "random", strategySettings: ["seed": "\(seed)"], space: "nb201", evaluator: "synthetic(v1)",
                  objectiveMetric: metric, maximise: maximise, budget: .trials(100), seed: seed, script: "r = launch random")
    }

    /// `count` finished trials of a run with random metrics: every 7th failed (no metrics),
    /// every 5th without latency, some with an `energy` metric that has no column of its own.
    static func trials(run: Int64, count: Int, seed: UInt64) -> [TrialRecord] {
        var rng = SeededRandom(seed: seed)
        return (1...count).map { seq in
            let tokens = (0..<6).map { _ in rng.nextInt(below: 5) }
            let arch = "arch-\(tokens.map(String.init).joined())"
            var trial = TrialRecord(runID: run, sequence: seq, architecture: arch, identity: arch, tokens: tokens,
                                    fidelity: Fidelity(epochs: 12), seed: seed, status: .done,
                                    cacheKey: SHA256.hex("synthetic(v1) nb201 \(arch) epochs=12 seed=\(seed)"))
            if seq % 7 == 0 {
                trial.status = .failed
                trial.error = "loss became NaN at epoch \(seq % 3)"
                trial.score = -.infinity
                return trial
            }
            var metrics = ["accuracy": rng.nextDouble(), "params": Double(rng.nextInt(below: 2_000_000))]
            if seq % 5 != 0 { metrics["latency"] = 0.001 + 0.01 * rng.nextDouble() }
            if seq % 2 == 0 { metrics["energy"] = 10 * rng.nextDouble() }
            trial.metrics = metrics
            trial.curve = [metrics["accuracy"]! / 2, metrics["accuracy"]!]
            trial.score = metrics["accuracy"]
            trial.wallSeconds = rng.nextDouble()
            trial.simulatedSeconds = 100 * rng.nextDouble()
            return trial
        }
    }
}
