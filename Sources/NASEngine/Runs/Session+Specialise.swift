import Foundation
import NASCore
import NASSearch
import NASSpaces
import NASStore

/// Once-for-all's specialisation under latency targets.
extension Session {
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
