import Foundation
import NASCore
import NASSpaces
import Synchronization

/// An evaluator that evaluates each architecture once (always with seed 1) and charges every call
/// what the first evaluation cost, so that benchmarks can share work between searches while each
/// search still reports the seconds it would have spent alone.
final class ChargedCache: Evaluator, Sendable {
    /// The evaluator asked on a miss.
    let inner: any Evaluator
    private let state = Mutex<(results: [[Int]: (TrialResult, Double)], charge: Double)>(([:], 0))

    /// Caches `inner`.
    init(_ inner: any Evaluator) { self.inner = inner }

    var descriptor: String { "charged(\(inner.descriptor))" }
    var supportedSpaces: Set<String> { inner.supportedSpaces }
    var maxEpochs: Int? { inner.maxEpochs }

    /// The cached result (charging its first cost), else a fresh evaluation with seed 1, timed.
    func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity, seed: UInt64,
                  cancel: CancellationToken) throws -> TrialResult {
        if let (result, seconds) = state.withLock({ $0.results[architecture.tokens] }) {
            state.withLock { $0.charge += seconds }
            return result
        }
        let start = Date()
        let result = try inner.evaluate(architecture, in: space, fidelity: fidelity, seed: 1, cancel: cancel)
        let seconds = Date().timeIntervalSince(start)
        state.withLock {
            if result.status == .done { $0.results[architecture.tokens] = (result, seconds) }
            $0.charge += seconds
        }
        return result
    }

    /// Starts a new tally of charged seconds.
    func resetCharge() { state.withLock { $0.charge = 0 } }

    /// The seconds charged since `resetCharge`.
    func charged() -> Double { state.withLock { $0.charge } }

    /// The mean `noise_cv` of the cached results that have one.
    func meanNoise() -> Double {
        let cvs = state.withLock { $0.results.values.compactMap { $0.0.metrics["noise_cv"] } }
        return cvs.isEmpty ? .nan : cvs.reduce(0, +) / Double(cvs.count)
    }
}
