import NASCore
import NASEngine
import NASSearch
import NASSpaces

/// One-shot builtins: a run's supernet as an evaluator (`supernet`), its α trajectory (`alphas`), and once-for-all's specialisation under latency targets (`specialise`).
extension BuiltinRegistry {
    /// Registers the one-shot builtins.
    func registerOneShotBuiltins() {
        registerOneShotQueries()
        register(Builtin("specialise", category: "one-shot", summary: "once-for-all: the best sub-network of a trained supernet for each latency target, without retraining",
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

    private func registerOneShotQueries() {
        register(Builtin("supernet", category: "one-shot", summary: "the supernet a one-shot run trained, as an evaluator",
                         help: "Returns an evaluator that scores any architecture of the run's space with the weights a one-shot run (spos, darts, gdas, snas, proxyless, enas) had after its last finished epoch: the architecture's own paths through the supernet, batch norm recalibrated on a few training batches, then validation and test accuracy. Any strategy can search with it (`launch(evolution(), on: nb201(), using: supernet(r), budget: 200)`), and correlate() can compare it with stand-alone training. A run of an earlier session needs its space and recipe again (on:, using:).",
                         parameters: [Parameter("run", .object("run"), help: "a one-shot run, from launch()"),
                                      Parameter("on", .object("space"), default: Value.none, keywordOnly: true, help: "the run's space (for a run of an earlier session)"),
                                      Parameter("using", .any, default: Value.none, keywordOnly: true, help: "the run's recipe, train(...) (for a run of an earlier session)")],
                         example: "r = launch(spos(), on: nb201(channels: 8, cells: 1), using: train(data, epochs: 5), budget: 5)\nwait(r)\nlaunch(evolution(), on: nb201(channels: 8, cells: 1), using: supernet(r), budget: 100)") { call in
            let run = try call.object("run", as: RunValue.self)
            let space = call.isNone("on") ? nil : try call.object("on", as: SpaceValue.self).space
            let recipe = call.isNone("using") ? nil : try evaluatorArgument(call, "using")
            let evaluator = try call.blaming("run") { try call.session.supernetEvaluator(run: run.id, space: space, evaluator: recipe) }
            return .object(EvaluatorValue(evaluator, space: space))
        })
        register(Builtin("alphas", category: "one-shot", summary: "the architecture weights a one-shot run recorded per epoch",
                         help: "Returns one row per epoch, edge and operation with its weight softmax(α) as a gradient-based one-shot run (darts, snas, gdas, proxyless) recorded it after that epoch: the α trajectory. Within an edge the strongest operation comes first, so `alphas(r) | where trial == 10` shows what the run would derive, and a drift to skip_connect or none (DARTS's known collapse) shows as their weights growing.",
                         parameters: [Parameter("run", .object("run"), help: "a one-shot run, from launch()")],
                         example: "alphas(r) | where edge == \"edge_1_0\"") { call in
            let run = try call.object("run", as: RunValue.self)
            return .table(TableValue(try call.session.architectureWeights(run: run.id)))
        })
    }
}
