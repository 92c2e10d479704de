import Foundation
import NASCore
import NASSpaces
import NASTensor
import NASTraining

/// Evaluates any `ofa` architecture with a once-for-all supernet: the sub-network's inherited weights, no retraining.
///
/// Batch norm's statistics are recalibrated for the sub-network on a few training batches before
/// the validation and test sets are scored, as once-for-all does. The results are the supernet's
/// estimates (`accuracy`, `test_accuracy`, `loss`), with the training loss of the last epoch
/// (`train_loss`), the stage it closed (`stage`: 1 full, 2 kernel, 3 depth, 4 width) and the
/// sub-network's size at the supernet's scale (`params`, `macs`, from naslab's cost model).
///
/// Not thread-safe: the supernet runs one forward pass at a time; a lock serialises callers
/// (`@unchecked Sendable` on that ground).
public final class ElasticEvaluator: Evaluator, @unchecked Sendable {
    /// The run whose supernet it evaluates with.
    public let search: OnceForAll
    private let lock = NSLock()

    /// An evaluator over the current weights of `search`'s supernet.
    init(search: OnceForAll) { self.search = search }

    /// Names the method, its settings and the epoch, so that no cache confuses two epochs' estimates.
    public var descriptor: String {
        let settings = search.settings.keys.sorted().map { "\($0)=\(search.settings[$0]!)" }.joined(separator: " ")
        return "supernet(\(search.name) \(settings), epoch \(search.epoch), \(search.recipeDescriptor))"
    }
    public var supportedSpaces: Set<String> { [search.space.name] }
    public var maxEpochs: Int? { nil }

    /// The space whose architectures it scores.
    public var space: OFASpace { search.space }

    public func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity, seed: UInt64,
                         cancel: CancellationToken) throws -> TrialResult {
        guard let given = space as? OFASpace, given.resolutions == self.space.resolutions else {
            throw StrategyError("this supernet evaluates the ofa space it was trained on (resolutions "
                + "\(self.space.resolutions.map(String.init).joined(separator: ", "))), not \(space.name) with other decisions")
        }
        let start = Date()
        let (valid, test) = try scores(architecture, cancel: cancel, test: true)
        let cost = try search.supernet.subnetwork(architecture).cost
        let metrics = ["accuracy": valid.accuracy, "loss": valid.loss, "test_accuracy": test.accuracy,
                       "train_loss": search.lastTrainLoss, "stage": Double(search.stage.rawValue + 1),
                       "params": Double(cost.params), "macs": Double(cost.macs)]
        return TrialResult(metrics: metrics, wallSeconds: Date().timeIntervalSince(start))
    }

    /// The validation (and, with `test`, test) accuracy and loss of a sub-network after recalibration.
    public func scores(_ architecture: Architecture, cancel: CancellationToken, test: Bool = false) throws
        -> (valid: (accuracy: Double, loss: Double), test: (accuracy: Double, loss: Double)) {
        lock.lock()
        defer { lock.unlock() }
        let supernet = search.supernet, data = search.data
        try supernet.recalibrate(architecture, batches: search.calibrationSet())
        let valid = try supernet.evaluate(data.valid, shape: data.shape, architecture: architecture, cancel: cancel)
        let tested = test ? try supernet.evaluate(data.test, shape: data.shape, architecture: architecture, cancel: cancel) : (0, 0)
        return (valid, tested)
    }
}
