import NASCore
import NASSpaces
import Testing
@testable import NASHardware

/// A predictor used as an evaluator: its prediction is the trial's latency, its refusal a failed trial.
@Suite struct PredictedLatencyEvaluatorTests {
    /// Predicts 1 ms per k5 block of an FBNet architecture and refuses architectures with a skip.
    struct CountingPredictor: LatencyPredictor {
        var descriptor: String { "count-k5" }
        var supportedSpaces: Set<String> { ["fbnet"] }
        func predict(_ architecture: Architecture, in space: any SearchSpace) throws -> Double {
            let names = space.canonical(architecture).split(separator: "-")
            if names.contains("skip") { throw HardwareError("no entry for skip") }
            return Double(names.filter { $0.hasPrefix("k5") }.count) * 1e-3
        }
    }

    @Test("the prediction is the latency metric; a predictor's refusal is a failed trial, not an error")
    func predictionsAndRefusals() throws {
        let space = FBNetSpace(), evaluator = PredictedLatencyEvaluator(CountingPredictor())
        let sn = try #require(try space.specifiedNetwork("k5_e3"))
        let one = try #require(try space.replacing(sn, position: 0, with: "k3_e1"))
        let result = try evaluator.evaluate(one, in: space, fidelity: .full, seed: 0, cancel: CancellationToken())
        #expect(result.metrics["latency"] == 21e-3)   // 21 of the 22 blocks are k5
        let skipped = try #require(try space.replacing(sn, position: 3, with: "skip"))
        let failed = try evaluator.evaluate(skipped, in: space, fidelity: .full, seed: 0, cancel: CancellationToken())
        #expect(failed.status == .failed)
        #expect(evaluator.supportedSpaces == ["fbnet"] && evaluator.descriptor.contains("count-k5"))
    }
}
