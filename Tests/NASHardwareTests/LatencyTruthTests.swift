import Foundation
import NASCore
import NASSpaces
import Synchronization
import Testing
@testable import NASHardware

/// An evaluator whose n-th call answers the n-th latency of its script.
final class ScriptedLatency: Evaluator {
    private let answers: Mutex<[Double]>
    init(_ answers: [Double]) { self.answers = Mutex(answers) }
    var descriptor: String { "scripted latency" }
    var supportedSpaces: Set<String> { [] }
    var maxEpochs: Int? { nil }

    func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity, seed: UInt64,
                  cancel: CancellationToken) throws -> TrialResult {
        let next = answers.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        guard let seconds = next else { return .failed("the script ran out") }
        return TrialResult(metrics: ["latency": seconds, "noise_cv": 0.1])
    }
}

/// Measured truth in passes: the set measured pass after pass, each architecture keeping its median pass.
@Suite struct LatencyTruthTests {
    let space = NB201Space()

    @Test("each architecture keeps the median of its passes, measured pass after pass")
    func medianOfPasses() throws {
        let cells = try [0, 1].map { try space.architecture(atIndex: $0) }
        // Pass 1: a 1.0, b 10; pass 2 (a slow minute for a): a 5.0, b 11; pass 3 (b's turn): a 1.2, b 100.
        let truth = try LatencyTruth(cells, in: space, from: ScriptedLatency([1.0, 10, 5.0, 11, 1.2, 100]), passes: 3)
        #expect(truth.measured.map(\.seconds) == [1.2, 11])
        #expect(truth.measured.map { space.canonical($0.architecture) } == cells.map { space.canonical($0) })
        #expect(abs(truth.noiseCV! - 0.1) < 1e-12)
        let two = try LatencyTruth(cells, in: space, from: ScriptedLatency([1.0, 10, 2.0, 12]), passes: 2)
        #expect(two.measured.map(\.seconds) == [1.5, 11])
    }

    @Test("no passes, or an evaluator that stops answering in a later pass, is a clear error")
    func badPasses() throws {
        let cells = try [0, 1].map { try space.architecture(atIndex: $0) }
        #expect(throws: HardwareError.self) { try LatencyTruth(cells, in: space, from: ScriptedLatency([1, 2]), passes: 0) }
        let error = #expect(throws: HardwareError.self) {
            try LatencyTruth(cells, in: space, from: ScriptedLatency([1, 2, 3]), passes: 2)
        }
        #expect(error?.description.contains("the script ran out") == true)
    }
}
