import Foundation
import NASCore
import NASSpaces

extension SearchLoop {
    /// Evaluates a trial by calling the evaluator, under early stopping when the run asks for it and the evaluator
    /// can be watched; a cancelled evaluation comes back as a cancelled result.
    func evaluateWatched(_ asked: Proposal, in run: inout Run) throws -> TrialResult {
        let clock = Date()
        var result: TrialResult
        do {
            if let (observing, pruner) = watcher(for: asked.fidelity) {
                let incumbent = run.fullyTrained[pruner.maxEpochs]
                result = try observing.evaluate(asked.architecture, in: space, fidelity: asked.fidelity, seed: seed,
                                                cancel: run.cancel) { curve in
                    if case .stop = pruner.verdict(curve: curve, incumbent: incumbent) { return true }
                    return false
                }
            } else {
                result = try evaluator.evaluate(asked.architecture, in: space, fidelity: asked.fidelity, seed: seed,
                                                cancel: run.cancel)
            }
        } catch is CancellationError {
            return cancelledResult(wallSeconds: Date().timeIntervalSince(clock))
        }
        if result.wallSeconds == 0 { result.wallSeconds = Date().timeIntervalSince(clock) }
        return result
    }

    /// The evaluator that can be watched and the pruner for trials at this fidelity, when the run stops
    /// trials early and they are long enough to be stopped.
    func watcher(for fidelity: Fidelity) -> (any EpochObservingEvaluator, LearningCurvePruner)? {
        guard let earlyStopping, let observing = evaluator as? any EpochObservingEvaluator,
              let epochs = fidelity.epochs ?? evaluator.maxEpochs, let pruner = earlyStopping.pruner(epochs: epochs) else { return nil }
        return (observing, pruner)
    }

    /// The evaluator's part of a trial's cache key: its descriptor, plus the early stopping when it watches the
    /// trial (a stopped trial never stands in for a full training).
    func cacheDescriptor(_ fidelity: Fidelity) -> String {
        guard watcher(for: fidelity) != nil, let earlyStopping else { return evaluator.descriptor }
        return "\(evaluator.descriptor) \(earlyStopping)"
    }

    /// Keeps the best final accuracy per epoch count among trials that trained to the end (early stopping's incumbents).
    func noteFullyTrained(_ result: TrialResult, fidelity: Fidelity, in run: inout Run) {
        guard earlyStopping != nil, result.status == .done, result.value(of: "pruned") != 1,
              let accuracy = result.value(of: "accuracy"), accuracy.isFinite,
              let epochs = fidelity.epochs ?? evaluator.maxEpochs else { return }
        run.fullyTrained[epochs] = max(run.fullyTrained[epochs] ?? accuracy, accuracy)
    }

    /// Restores a recorded run: the recorder restores the strategy, and its finished trials are counted as if
    /// they had just happened.
    func resume(_ strategy: any SearchStrategy, from recorder: any TrialRecorder, into run: inout Run) throws {
        let history = try recorder.resume(strategy)
        run.sequence = history.lastSequence
        run.wallBefore = history.wallSeconds
        for trial in history.trials {
            run.tally.count(score: trial.score, fidelity: trial.fidelity, simulatedSeconds: trial.result.simulatedSeconds,
                            failed: trial.result.status == .failed, cached: trial.cached)
            noteFullyTrained(trial.result, fidelity: trial.fidelity, in: &run)
        }
        run.noteWallTime()
    }
}
