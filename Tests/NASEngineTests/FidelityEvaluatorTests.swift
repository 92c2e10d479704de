import Foundation
import NASBenchmarks
import NASCore
import NASSpaces
import Testing
@testable import NASEngine

/// The evaluator adapters runs use: merged metrics of several evaluators, and a table with a
/// few epoch counts answering any.
@Suite struct FidelityEvaluatorTests {
    @Test func aCombinedEvaluatorMergesMetricsAndAddsSimulatedTime() throws {
        let space = NB201Space()
        let accuracy = try NB201Evaluator(dataset: "cifar10")
        let latency = try LatencyEvaluator(device: "pixel3")
        let both = CombinedEvaluator([accuracy, latency])
        let a = Architecture(space: "nb201", tokens: [3, 3, 3, 3, 3, 3])
        let merged = try both.evaluate(a, in: space, fidelity: .full, seed: 0, cancel: CancellationToken())
        let first = try accuracy.evaluate(a, in: space, fidelity: .full, seed: 0, cancel: CancellationToken())
        let second = try latency.evaluate(a, in: space, fidelity: .full, seed: 0, cancel: CancellationToken())
        #expect(merged.metrics["accuracy"] == first.metrics["accuracy"])
        #expect(merged.metrics["latency"] == second.metrics["latency"])
        #expect(merged.simulatedSeconds == first.simulatedSeconds + second.simulatedSeconds)
        #expect(both.supportedSpaces == ["nb201"])
        #expect(both.chargesSimulatedTime && !latency.chargesSimulatedTime)
    }

    @Test func aRungIsLookedUpAtTheLargestRecordedEpochsNotAboveIt() throws {
        let space = NB201Space()
        let table = try NB201Evaluator(dataset: "cifar10")
        let snapped = NearestFidelityEvaluator(table, available: NB201Evaluator.recordedEpochs)
        #expect([1, 12, 22, 67, 199, 200, 400].map(snapped.nearest) == [12, 12, 12, 12, 12, 200, 200])
        let a = Architecture(space: "nb201", tokens: [1, 2, 3, 4, 3, 2])
        let at22 = try snapped.evaluate(a, in: space, fidelity: Fidelity(epochs: 22), seed: 0, cancel: CancellationToken())
        let at12 = try table.evaluate(a, in: space, fidelity: Fidelity(epochs: 12), seed: 0, cancel: CancellationToken())
        #expect(at22.metrics["accuracy"] == at12.metrics["accuracy"])
        #expect(at22.simulatedSeconds == at12.simulatedSeconds)
        #expect(at22.metrics["fidelity_epochs"] == 12)
    }
}
