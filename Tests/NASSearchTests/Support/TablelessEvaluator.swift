import NASCore
import NASSpaces

/// Another evaluator's answers with no result table, so that a loop calls `evaluate` for every trial.
struct TablelessEvaluator: Evaluator {
    /// The evaluator answering.
    let base: any Evaluator

    var descriptor: String { base.descriptor }
    var supportedSpaces: Set<String> { base.supportedSpaces }
    var maxEpochs: Int? { base.maxEpochs }
    var recordsEachArchitecture: Bool { base.recordsEachArchitecture }
    var availableEpochs: [Int]? { base.availableEpochs }
    var chargesSimulatedTime: Bool { base.chargesSimulatedTime }

    func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity, seed: UInt64,
                  cancel: CancellationToken) throws -> TrialResult {
        try base.evaluate(architecture, in: space, fidelity: fidelity, seed: seed, cancel: cancel)
    }
}
