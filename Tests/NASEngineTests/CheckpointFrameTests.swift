import Foundation
import NASCore
import NASSearch
import NASSpaces
import NASTraining
import Testing

/// The checkpoint layout that once-for-all and the mixed-op one-shot methods share (`CheckpointFrame`):
/// a checkpoint restores into a fresh strategy that then writes the same bytes, and a truncated one is refused.
@Suite struct CheckpointFrameTests {
    @Test func aMixedOpMethodsCheckpointRoundTrips() throws {
        let data = try BuiltinDatasets.load("digits", train: 64, valid: 32, test: 32, seed: 1)
        let recipe = TrainingEvaluator(dataset: data, config: TrainingConfig(epochs: 2, batchSize: 32, threads: 1))
        let space = NB201Space(channels: 4, cellsPerStage: 1)
        for name in ["spos", "darts"] {
            let trained = try StrategyRegistry.make(name, space: space, seed: 2, evaluator: recipe)
            let p = try #require(try trained.ask(1).first)
            try trained.tell(p, result: TrialResult(metrics: ["accuracy": 0.5]), score: 0.5)
            let saved = try trained.checkpoint()
            let fresh = try StrategyRegistry.make(name, space: space, seed: 2, evaluator: recipe)
            try fresh.restore(from: saved)
            #expect(try fresh.checkpoint() == saved, "\(name)")
            #expect(throws: StrategyError.self) { try fresh.restore(from: saved.dropLast(1)) }
        }
    }
}
