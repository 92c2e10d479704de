import NASCore
import NASEngine
import NASSearch
import NASSpaces

/// Once-for-all's specialisation: `specialise(run, latency: [2ms, 4ms])` searches a trained supernet under latency targets.
extension BuiltinRegistry {
    /// Registers the one-shot builtins.
    func registerOneShotBuiltins() {
        register(Builtin("specialise", category: "runs", summary: "once-for-all: the best sub-network of a trained supernet for each latency target, without retraining",
                         help: """
                         Takes a finished once_for_all run (or its supernet evaluator) and, as once-for-all does, scores \
                         `samples` random sub-networks with the inherited weights, fits an accuracy predictor (an MLP on \
                         their one-hot encodings), then runs an evolutionary search per latency target that maximises the \
                         predicted accuracy among sub-networks within the target, and measures the winner with the \
                         supernet. Latency is naslab's cost model: the sub-network's multiply-accumulates (at the \
                         supernet's scale and the architecture's resolution) at `macs_per_second`. Returns a table with \
                         one row per target: target, arch, latency, macs, params, predicted_accuracy, accuracy \
                         (validation, supernet weights after batch-norm recalibration) and test_accuracy.
                         """,
                         parameters: [
                            Parameter("supernet", .any, help: "a once_for_all run, or its supernet evaluator"),
                            Parameter("latency", .any, help: "a latency target (like 2ms) or a list of them"),
                            Parameter("samples", .integer, default: .number(100), keywordOnly: true, help: "sub-networks measured to fit the predictor"),
                            Parameter("population", .integer, default: .number(100), keywordOnly: true, help: "the evolution's population"),
                            Parameter("generations", .integer, default: .number(30), keywordOnly: true, help: "the evolution's generations"),
                            Parameter("macs_per_second", .plainNumber, default: .number(1e9), keywordOnly: true, help: "the nominal throughput that turns MACs into latency"),
                            Parameter("seed", .integer, default: .number(1), keywordOnly: true, help: "seed of the samples and the evolution"),
                         ],
                         paper: "Cai, Gan, Wang, Zhang & Han, Once-for-All: Train One Network and Specialize it for Efficient Deployment, ICLR 2020",
                         example: "r = launch(once_for_all(width: 0.25), on: ofa(low: 32, high: 40), using: train(data, epochs: 4), budget: 4)\nwait(r)\nspecialise(r, latency: [2ms, 4ms], samples: 40)") { call in
            let targets = try Self.latencyTargets(call["latency"])
            let evaluator = try Self.supernetEvaluator(call)
            let specialiser = SubnetSpecialiser(samples: try call.int("samples"), population: try call.int("population"),
                                                generations: try call.int("generations"), seed: try call.seed())
            let macsPerSecond = try call.double("macs_per_second")
            guard macsPerSecond > 0 else { throw BuiltinError("macs_per_second must be above 0", argument: "macs_per_second") }
            return .table(TableValue(try call.session.specialise(evaluator, targets: targets, specialiser: specialiser,
                                                                 macsPerSecond: macsPerSecond)))
        })
    }

    /// The supernet evaluator of the `supernet` argument: a run's (restored from its checkpoint) or the evaluator given.
    private static func supernetEvaluator(_ call: BuiltinCall) throws -> any Evaluator {
        if case .object(let o) = call["supernet"] {
            if let run = o as? RunValue { return try call.session.supernetEvaluator(run: run.id) }
            if let e = o as? EvaluatorValue { return e.evaluator }
        }
        throw BuiltinError("supernet must be a once_for_all run or its supernet evaluator", argument: "supernet")
    }

    /// The latency targets in seconds: one time or a list of times, each above 0.
    private static func latencyTargets(_ value: Value) throws -> [Double] {
        let items: [Value]
        if case .list(let list) = value { items = list } else { items = [value] }
        return try items.map { item in
            guard case .number(let q) = item, q.dimension == .time, q.value > 0 else {
                throw BuiltinError("latency must be a time above 0 (like 2ms) or a list of them", argument: "latency")
            }
            return q.value
        }
    }
}
