import Foundation
import NASCore
import NASSearch
import NASSpaces
import NASStore

extension Session {
    /// The supernet a one-shot run trained, as an evaluator of any architecture of its space.
    ///
    /// The run's strategy is rebuilt and restored from its last checkpoint (the weights after its last
    /// finished epoch), so the evaluator does not change while the run works on. A run of an earlier
    /// session needs its space and evaluator (`train(...)`) again, as `resume` does.
    public func supernetEvaluator(run id: Int64, space: (any SearchSpace)? = nil,
                                  evaluator: (any Evaluator)? = nil) throws -> any Evaluator {
        let manager = try runs()
        guard let record = try manager.store.run(id) else { throw RunError.noSuchRun(id) }
        guard StrategyRegistry.entry(record.strategy)?.isOneShot == true else {
            throw RunError.noSupernet(id, "\(record.strategy) trains no supernet (the one-shot methods: "
                + StrategyRegistry.oneShotNames.joined(separator: ", ") + ")")
        }
        let known = manager.request(for: id)
        guard let space = space ?? known?.space, let evaluator = evaluator ?? known?.evaluator else {
            throw RunError.launchedElsewhere(id)
        }
        guard let state = try manager.store.checkpoint(run: id).strategyState else {
            throw RunError.noSupernet(id, "it has not finished an epoch yet")
        }
        let strategy = try StrategyRegistry.rebuild(record.strategy, stored: record.strategySettings, space: space,
                                                    objectives: [], evaluator: evaluator)
        try strategy.restore(from: state)
        guard let shared = strategy as? any WeightSharingStrategy else {
            throw RunError.noSupernet(id, "\(record.strategy) trains no supernet")
        }
        return shared.evaluator
    }

    /// The architecture parameters a one-shot run recorded with each epoch's trial: one row per trial,
    /// edge (row of choices) and option, with its weight (`softmax(α)`), largest first within an edge.
    public func architectureWeights(run id: Int64) throws -> Table {
        let rows = try sql("SELECT seq, epochs, metrics FROM trials WHERE run_id = \(id) AND status = 'done' ORDER BY seq")
        var out: [[Cell]] = []
        for row in rows.rows {
            guard let trial = row[0].doubleValue, let json = row[2].stringValue,
                  let metrics = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Double] else { continue }
            var byEdge: [String: [(option: String, weight: Double)]] = [:]
            for (key, weight) in metrics where key.hasPrefix("alpha.") {
                let name = key.dropFirst("alpha.".count)
                guard let dot = name.lastIndex(of: ".") else { continue }
                byEdge[String(name[..<dot]), default: []].append((String(name[name.index(after: dot)...]), weight))
            }
            for edge in byEdge.keys.sorted() {
                for (option, weight) in byEdge[edge]!.sorted(by: { $0.weight > $1.weight }) {
                    out.append([.number(.scalar(trial)), row[1], .string(edge), .string(option), .number(.scalar(weight))])
                }
            }
        }
        return Table(columns: ["trial", "epoch", "edge", "op", "weight"], rows: out)
    }
}
