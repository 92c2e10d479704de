import NASCore
import NASSpaces

/// An evaluator asked at `Fidelity.full` answers at a given fidelity instead (`epochs:` of launch and simulate).
///
/// Proposals that choose their own fidelity (successive halving, Hyperband) keep it. A result table
/// of the base evaluator at the mapped fidelity is handed on, so a loop still reads rows in place.
public struct DefaultFidelityEvaluator: Evaluator {
    /// The wrapped evaluator.
    public let base: any Evaluator
    /// What `Fidelity.full` means here.
    public let fidelity: Fidelity

    /// Wraps `base` so that full-fidelity requests are made at `fidelity`.
    public init(_ base: any Evaluator, fidelity: Fidelity) {
        self.base = base
        self.fidelity = fidelity
    }

    /// The base descriptor and the default fidelity.
    public var descriptor: String { "\(base.descriptor) at \(fidelity)" }
    /// The base evaluator's spaces.
    public var supportedSpaces: Set<String> { base.supportedSpaces }
    /// The base evaluator's maximum.
    public var maxEpochs: Int? { base.maxEpochs }
    /// The base evaluator's.
    public var recordsEachArchitecture: Bool { base.recordsEachArchitecture }

    /// The fidelity a request is made at.
    func mapped(_ requested: Fidelity) -> Fidelity { requested == .full ? fidelity : requested }

    /// Evaluates at the mapped fidelity.
    public func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity requested: Fidelity,
                         seed: UInt64, cancel: CancellationToken) throws -> TrialResult {
        try base.evaluate(architecture, in: space, fidelity: mapped(requested), seed: seed, cancel: cancel)
    }

    /// The base evaluator's table at the mapped fidelity.
    public func resultTable(for space: any SearchSpace, fidelity requested: Fidelity) -> ResultTable? {
        base.resultTable(for: space, fidelity: mapped(requested))
    }
}
