import NASCore
import NASSpaces

/// An evaluator that only has a few epoch counts, asked at any: each request is answered at
/// the largest available count not above it (or the smallest available one).
///
/// NAS-Bench-201 records results after 12 and 200 epochs only; Hyperband's ladder asks for
/// 22 or 66. Through this wrapper such a rung is looked up at 12 epochs and charged 12
/// epochs of simulated time; the trial's `fidelity_epochs` metric says which was used.
public struct NearestFidelityEvaluator: Evaluator {
    /// The wrapped evaluator.
    public let base: any Evaluator
    /// The epoch counts it has, ascending.
    public let available: [Int]

    /// Wraps an evaluator that answers only at `available` epochs.
    public init(_ base: any Evaluator, available: [Int]) {
        self.base = base
        self.available = available.sorted()
    }

    /// The base descriptor and the epoch counts used.
    public var descriptor: String {
        "\(base.descriptor) at epochs \(available.map(String.init).joined(separator: "/"))"
    }

    /// The base evaluator's spaces.
    public var supportedSpaces: Set<String> { base.supportedSpaces }

    /// The base evaluator's maximum.
    public var maxEpochs: Int? { base.maxEpochs }
    /// The base evaluator's.
    public var recordsEachArchitecture: Bool { base.recordsEachArchitecture }
    /// Any: requests are snapped to the base's counts.
    public var availableEpochs: [Int]? { nil }
    /// The base evaluator's.
    public var chargesSimulatedTime: Bool { base.chargesSimulatedTime }

    /// The epoch count a request is answered at.
    public func nearest(_ epochs: Int) -> Int {
        available.last { $0 <= epochs } ?? available.first ?? epochs
    }

    /// Evaluates at the nearest available epochs and records them as `fidelity_epochs`.
    public func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity,
                         seed: UInt64, cancel: CancellationToken) throws -> TrialResult {
        var snapped = fidelity
        if let epochs = fidelity.epochs { snapped.epochs = nearest(epochs) }
        var result = try base.evaluate(architecture, in: space, fidelity: snapped, seed: seed, cancel: cancel)
        if let used = snapped.epochs ?? base.maxEpochs { result.metrics["fidelity_epochs"] = Double(used) }
        return result
    }
}
