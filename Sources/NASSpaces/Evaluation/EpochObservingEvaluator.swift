import NASCore

/// An evaluator that trains epoch by epoch and can show its partial validation curve to a
/// watcher, which may stop the trial early (learning-curve early stopping).
///
/// It refines `Evaluator` without changing it: evaluators that do not train (tables, proxies)
/// simply do not conform, and a run calls them the plain way.
public protocol EpochObservingEvaluator: Evaluator {
    /// Evaluates like `evaluate(_:in:fidelity:seed:cancel:)`, calling `stopAfter` with the
    /// validation curve so far (`curve[i]` after epoch `i + 1`) at the end of every epoch; when it
    /// answers true, training stops there and the result is the trial as it stands, marked with
    /// the metric `pruned` = 1 and `epochs_trained` = the epochs it trained.
    func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity, seed: UInt64,
                  cancel: CancellationToken, stopAfter: @escaping ([Double]) -> Bool) throws -> TrialResult
}
