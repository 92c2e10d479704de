import NASCore
import NASSpaces

/// A strategy that trains shared weights itself (one-shot NAS): each trial is one epoch of its training.
///
/// The loop drives it like any strategy, with two differences. Before the run the loop hands it
/// the run's cancellation token (`attach`), since its `ask` trains for an epoch and must stop
/// within half a second of Ctrl-C. And its trials are measured by its own `evaluator` — the
/// supernet with the weights of that epoch — not by the run's: the run's evaluator (`train(...)`)
/// gives the data and the recipe it trains with.
public protocol WeightSharingStrategy: SearchStrategy {
    /// Takes the run's cancellation token, checked between training batches.
    func attach(cancel: CancellationToken)
    /// The evaluator of its trials: the architecture with the supernet's current weights.
    var evaluator: any Evaluator { get }
}
