import NASCore
import NASEngine
import NASSearch
import NASSpaces

/// Analysis of evaluators and searches: how alike two evaluators rank architectures (`correlate`),
/// and what independent searches converged to (`convergence`, `option_frequencies`).
extension BuiltinRegistry {
    /// Registers the analysis builtins.
    func registerAnalysisBuiltins() {
        registerCorrelate()
        registerConvergence()
    }

    private static var archsParameter: Parameter {
        Parameter("archs", .any, help: "a list of architectures (such as sample(space, n: 200)) or runs, or a table with an arch column")
    }
    private static var spaceParameter: Parameter {
        Parameter("space", .object("space"), default: Value.none, keywordOnly: true,
                  help: "the space to read arch text in (tables and runs; default: the architectures' own)")
    }

    private func registerCorrelate() {
        register(Builtin("correlate", category: "analysis", summary: "Kendall τ and Spearman ρ between two evaluators' scores of the same architectures",
                         help: "Evaluates every architecture of `archs` with both evaluators (as `evaluate` does: each at its own fidelity, with `seed`) and returns a record: n (architectures), tau (Kendall's τ-b) and rho (Spearman's ρ) of the two scores, ties handled as SciPy does (τ-b; average ranks for ρ). This is how far a cheaper evaluator can be trusted to rank architectures like the one it stands in for: 12 against 200 epochs of NAS-Bench-201, a zero-cost proxy against the table, a supernet's shared weights against stand-alone training. The score is `metric` of each (default accuracy); give two names to compare different metrics, such as [\"synflow\", \"accuracy\"]. With pairs: true the record also holds `pairs`, a table of arch, a and b. `archs` may be a list of architectures, a list of runs (each run's best architecture) or a table with an arch column, such as a `simulate` result, `trials(r)` or `zero_cost()`; text is read in `space`. An evaluator that fails on an architecture, or lacks the metric, stops the call with an error naming both; Ctrl-C stops it between evaluations.",
                         parameters: [Parameter("a", .any, help: "the first evaluator (or latency table)"),
                                      Parameter("b", .any, help: "the second evaluator (or latency table)"),
                                      Self.archsParameter,
                                      Parameter("metric", .any, default: .string("accuracy"), keywordOnly: true,
                                                help: "the metric of both, or [metric of a, metric of b]"),
                                      Parameter("seed", .integer, default: .number(0), keywordOnly: true, help: "seed for evaluators with noise"),
                                      Self.spaceParameter,
                                      Parameter("pairs", .bool, default: .bool(false), keywordOnly: true, help: "also return the table of scores")],
                         paper: "Kendall, A New Measure of Rank Correlation, Biometrika 1938; Yu et al., Evaluating the Search Phase of Neural Architecture Search, ICLR 2020",
                         example: "s = nb201()\ncorrelate(nb201(dataset: \"cifar10\", epochs: 12), nb201(dataset: \"cifar10\"), sample(s, n: 200, seed: 1))") { call in
            try Self.correlate(call)
        })
    }

    private static func correlate(_ call: BuiltinCall) throws -> Value {
        let first = try evaluator(call, "a"), second = try evaluator(call, "b")
        let (space, archs) = try call.architectures("archs")
        let metrics = try metricPair(call)
        let result: EvaluatorCorrelation
        do {
            result = try EvaluatorCorrelation.measure(first, second, over: archs, in: space, metrics: metrics, seed: try call.seed(),
                                                      cancel: call.session.interrupt)
        } catch let error as CorrelationError {
            throw BuiltinError(error.description, argument: argument(blamedFor: error))
        }
        var fields: [(String, Value)] = [("n", .number(Double(result.count))), ("tau", .number(result.kendall)),
                                         ("rho", .number(result.spearman))]
        if try call.bool("pairs") { fields.append(("pairs", .table(TableValue(pairsTable(result, space: space, metrics: metrics))))) }
        return .record(Record(fields))
    }

    /// The argument a correlation error is about.
    private static func argument(blamedFor error: CorrelationError) -> String {
        switch error {
        case .architectures: "archs"
        case .first: "a"
        case .second: "b"
        case .metric: "metric"
        }
    }

    /// The metric argument: one name for both evaluators, or a list of two.
    private static func metricPair(_ call: BuiltinCall) throws -> (first: String, second: String) {
        switch call["metric"] {
        case .string(let name): return (name, name)
        case .list(let items) where items.count == 2:
            if case .string(let a) = items[0], case .string(let b) = items[1] { return (a, b) }
        default: break
        }
        throw BuiltinError("metric must be a metric name such as \"accuracy\", or a list of two (the metric of a, then of b), got "
            + call["metric"].kindDescription, argument: "metric")
    }

    private static func pairsTable(_ result: EvaluatorCorrelation, space: any SearchSpace, metrics: (first: String, second: String)) -> Table {
        let rows = result.pairs.map { pair -> [Cell] in
            [.string(space.canonical(pair.architecture)), .number(MetricCatalogue.quantity(metrics.first, pair.first)),
             .number(MetricCatalogue.quantity(metrics.second, pair.second))]
        }
        return Table(columns: ["arch", "a", "b"], rows: rows)
    }

    private func registerConvergence() {
        register(Builtin("convergence", category: "analysis", summary: "how alike the architectures independent searches chose are",
                         help: "Given the architectures several searches ended with (a `simulate` result has one per seed; or a list of runs, each giving its best architecture), returns a record: n (architectures), distinct (different architectures), identities (different up to the space's equivalence: NB201's isomorphic cells count once) and similarity, the mean over all pairs of the fraction of decisions (NB201: edges) on which the two agree: 1 when every search chose the same architecture, about 1/options for independent uniform choices. `option_frequencies` shows which options they agree on.",
                         parameters: [Self.archsParameter, Self.spaceParameter],
                         example: "s = nb201()\nruns = simulate(evolution(), on: s, using: nb201(dataset: \"cifar10\"), budget: 20000s, seeds: 10)\nconvergence(runs, space: s)") { call in
            let result = try Self.convergence(call)
            return .record(Record([("n", .number(Double(result.count))), ("distinct", .number(Double(result.distinct))),
                                   ("identities", .number(Double(result.distinctIdentities))),
                                   ("similarity", result.similarity.map { .number($0) } ?? .none)]))
        })
        register(Builtin("option_frequencies", category: "analysis", summary: "how often each option of each decision was chosen, over several architectures",
                         help: "For the architectures several searches (or seeds) ended with, one row per option of every decision of the space, in token order: decision (such as edge_1_0), option (such as nor_conv_3x3), count (how many chose it) and frequency (count over n: the options of one decision sum to 100%). Options never chosen are listed with count 0. Take the architectures as for `convergence`.",
                         parameters: [Self.archsParameter, Self.spaceParameter],
                         example: "s = nb201()\nruns = simulate(evolution(), on: s, using: nb201(dataset: \"cifar10\"), budget: 20000s, seeds: 10)\noption_frequencies(runs, space: s) | where frequency >= 50%") { call in
            let rows = try Self.convergence(call).frequencies.map { f -> [Cell] in
                [.string(f.decision), .string(f.option), .number(Quantity(Double(f.count))), .number(.fraction(f.frequency))]
            }
            return .table(TableValue(Table(columns: ["decision", "option", "count", "frequency"], rows: rows)))
        })
    }

    private static func convergence(_ call: BuiltinCall) throws -> SearchConvergence {
        let (space, archs) = try call.architectures("archs")
        guard !archs.isEmpty else { throw BuiltinError("archs is empty: give the architectures of at least one search", argument: "archs") }
        return SearchConvergence(archs, in: space)
    }
}
