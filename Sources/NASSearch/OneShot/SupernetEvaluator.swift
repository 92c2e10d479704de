import Foundation
import NASCore
import NASSpaces
import NASTensor
import NASTraining

/// Evaluates any architecture of a space with a one-shot method's supernet: its own paths, inherited weights.
///
/// Batch norm's statistics are recalibrated for the architecture's paths on a few training batches
/// before the validation and test sets are scored, as the one-shot literature does. The results are
/// the supernet's estimates (`accuracy`, `test_accuracy`, `loss`), with the method's training loss
/// of the epoch (`train_loss`) and its architecture parameters (`alpha.<row>.<option>`, see
/// `OneShotSearch.architectureMetrics`), and the metrics of the run's other evaluators (a latency
/// table given beside `train(...)`: `using: [train(data), latency]`).
///
/// Not thread-safe: a supernet runs one forward pass at a time, and the loop evaluates one trial at
/// a time (`@unchecked Sendable` on that ground; an evaluator shared between threads would need a lock).
public final class SupernetEvaluator: Evaluator, @unchecked Sendable {
    /// The method whose supernet it evaluates with.
    public let search: OneShotSearch
    private let lock = NSLock()

    /// An evaluator over the current weights of `search`'s supernet.
    init(search: OneShotSearch) { self.search = search }

    /// Names the method, its seed and the epoch, so that no cache confuses two epochs' estimates.
    public var descriptor: String {
        let settings = search.settings.keys.sorted().map { "\($0)=\(search.settings[$0]!)" }.joined(separator: " ")
        let companions = search.companions.map { " + \($0.descriptor)" }.joined()
        return "supernet(\(search.name) \(settings), epoch \(search.epoch), \(search.recipeDescriptor))\(companions)"
    }
    public var supportedSpaces: Set<String> { [search.supernet.space.name] }
    public var maxEpochs: Int? { nil }
    /// Isomorphic cells run different edges of the supernet, hence different weights: each architecture has its own result.
    public var recordsEachArchitecture: Bool { true }

    public func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity, seed: UInt64,
                         cancel: CancellationToken) throws -> TrialResult {
        lock.lock()
        defer { lock.unlock() }
        let start = Date()
        let supernet = search.supernet
        let gates = try supernet.gates(for: architecture)
        try supernet.recalibrate(gates: gates, batches: search.calibrationSet())
        let data = search.data
        let valid = try supernet.evaluate(data.valid, shape: data.shape, gates: gates, cancel: cancel)
        let test = try supernet.evaluate(data.test, shape: data.shape, gates: gates, cancel: cancel)
        var metrics = ["accuracy": valid.accuracy, "loss": valid.loss, "test_accuracy": test.accuracy,
                       "train_loss": search.lastTrainLoss]
        metrics.merge(search.architectureMetrics()) { a, _ in a }
        for companion in search.companions {
            let result = try companion.evaluate(architecture, in: space, fidelity: .full, seed: seed, cancel: cancel)
            guard result.status == .done else { return result }
            metrics.merge(result.metrics) { a, _ in a }
        }
        return TrialResult(metrics: metrics, wallSeconds: Date().timeIntervalSince(start))
    }
}
