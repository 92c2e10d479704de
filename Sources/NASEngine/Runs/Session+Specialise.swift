import Foundation
import NASCore
import NASSearch
import NASSpaces
import NASStore

/// One-shot runs' trained supernets as evaluators, and once-for-all's specialisation under latency targets.
extension Session {
    /// The evaluator of a one-shot run's supernet as its last checkpoint left it: the run's strategy
    /// rebuilt from its stored settings and restored. A run of an earlier session needs its space
    /// and evaluator (the `train(...)` it ran with), as `resume` does.
    public func supernetEvaluator(run id: Int64, space: (any SearchSpace)? = nil, evaluator: (any Evaluator)? = nil) throws -> any Evaluator {
        let manager = try runs()
        guard let record = try manager.store.run(id) else { throw RunError.noSuchRun(id) }
        let known = manager.request(for: id)
        guard let space = space ?? known?.space, let evaluator = evaluator ?? known?.evaluator else {
            throw RunError.launchedElsewhere(id)
        }
        let strategy = try StrategyRegistry.rebuild(record.strategy, stored: record.strategySettings, space: space,
                                                    evaluator: evaluator)
        guard let sharing = strategy as? any WeightSharingStrategy else {
            throw RunError.failed(id, "\(record.strategy) is not a one-shot method: its run has no supernet")
        }
        guard let state = try manager.store.checkpoint(run: id).strategyState else {
            throw RunError.failed(id, "the run has no checkpoint yet: its supernet has not finished an epoch")
        }
        try sharing.restore(from: state)
        return sharing.evaluator
    }

    /// Once-for-all's specialisation with a trained supernet's evaluator: per latency target (seconds),
    /// the sub-network that evolution with an accuracy predictor chose, as a table (one row per target).
    /// Latency is the cost model's MACs at `macsPerSecond` (`CostLatency`).
    public func specialise(_ evaluator: any Evaluator, targets: [Double], specialiser: SubnetSpecialiser,
                           macsPerSecond: Double = 1e9) throws -> Table {
        guard let elastic = evaluator as? ElasticEvaluator else {
            throw StrategyError("specialise needs the supernet of a once_for_all run (supernet(run)), not \(evaluator.descriptor)")
        }
        let supernet = elastic.search.supernet
        let latency = CostLatency(macsPerSecond: macsPerSecond) { try supernet.subnetwork($0).cost.macs }
        let cancel = interrupt
        let chosen = try specialiser.specialise(space: elastic.space, targets: targets, latency: latency, cancel: cancel) { a, test in
            let s = try elastic.scores(a, cancel: cancel, test: test)
            return (s.valid.accuracy, s.test.accuracy)
        }
        let rows: [[Cell]] = try chosen.map { s in
            let cost = try supernet.subnetwork(s.architecture).cost
            return [.number(.seconds(s.target)), .string(elastic.space.canonical(s.architecture)), .number(.seconds(s.latency)),
                    .number(MetricCatalogue.quantity("macs", Double(cost.macs))),
                    .number(MetricCatalogue.quantity("params", Double(cost.params))),
                    .number(.fraction(s.predictedAccuracy)), .number(.fraction(s.accuracy)), .number(.fraction(s.testAccuracy))]
        }
        return Table(columns: ["target", "arch", "latency", "macs", "params", "predicted_accuracy", "accuracy", "test_accuracy"],
                     rows: rows)
    }
}
