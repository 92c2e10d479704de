import NASBenchmarks
import NASCore
import NASEngine
import NASSpaces
import NASTraining

/// Tabular benchmarks and hardware tables: evaluation, the NB201 and latency tables, zero-cost
/// proxies and a user's own CSV tables (the Pareto front is `pareto`, in StoreBuiltins).
extension BuiltinRegistry {
    /// Registers the benchmark builtins.
    func registerBenchmarkBuiltins() {
        registerEvaluate()
        registerShippedTables()
        registerLatency()
        registerZeroCost()
        registerOwnTables()
    }

    private func registerEvaluate() {
        register(Builtin("evaluate", category: "benchmarks", summary: "the metrics of an architecture from an evaluator or latency table",
                         help: "Asks an evaluator (a tabular benchmark such as `nb201(dataset: …)`, a latency table from `latency(…)`, or your own `benchmark(csv: …)`) for the metrics of one architecture. Returns a record in base units: accuracies as percentages, times in seconds (latency, train_time), params as counts. A table lookup costs nothing real; `train_time` is what the run's simulated clock is charged. `seed` picks the trial when the evaluator draws a random seed per query, and seeds the training of a `train(…)` evaluator, whose record also holds the per-epoch `curve` and `status`: a training that diverges returns status \"failed\" and its `error` instead of stopping the script, and Ctrl-C stops it within a batch.",
                         parameters: [Parameter("evaluator", .any, help: "an evaluator or a latency table"),
                                      Parameter("a", .object("architecture"), help: "the architecture to evaluate"),
                                      Parameter("seed", .integer, default: .number(0), help: "seed for evaluators with noise"),
                                      Parameter("epochs", .integer, default: Value.none, keywordOnly: true, help: "fidelity: epochs (default: the evaluator's)")],
                         example: "evaluate(nb201(dataset: \"cifar10\"), arch(nb201(), 6111))") { call in
            let a = try call.architecture("a")
            let evaluator = try Self.evaluator(call, "evaluator")
            let result = try call.blaming("a") {
                try EvaluatorCatalogue.evaluate(evaluator, a.architecture, in: a.space, epochs: try call.optionalInt("epochs"), seed: try call.seed(),
                                              cancel: call.session.interrupt)
            }
            if result.status == .cancelled { throw CancellationError() }
            if evaluator is TrainingEvaluator { return .record(Self.trainingRecord(result)) }
            if let error = result.error { throw BuiltinError("the evaluation failed: \(error)", argument: "a") }
            return .record(Self.metricRecord(result.metrics))
        })
    }

    /// The evaluator behind an evaluator, latency-table or predictor argument (`evaluatorArgument`).
    static func evaluator(_ call: BuiltinCall, _ name: String) throws -> any Evaluator {
        try evaluatorArgument(call, name)
    }

    /// Metrics as a record in the standard order (`MetricCatalogue.ordered`), each with its unit.
    static func metricRecord(_ metrics: [String: Double]) -> Record {
        Record(MetricCatalogue.ordered(metrics.keys).map { ($0, .number(MetricCatalogue.quantity($0, metrics[$0]!))) })
    }

    private func registerShippedTables() {
        register(Builtin("bench_table", category: "benchmarks", summary: "a shipped benchmark as a whole table (for pipelines)",
                         help: "A shipped table in full, for pipelines and joins. \"nb201\": the 15,625 NAS-Bench-201 cells of one dataset with columns index, arch, accuracy (200-epoch validation, mean over seeds), test_accuracy (200 epochs; CIFAR-10 from the train+valid setting), accuracy_12ep, test_accuracy_12ep, runs, params, train_time, nats_latency. \"nb201_latency\" and \"fbnet_latency\": every device's measured latency side by side (HW-NAS-Bench, HELP).",
                         parameters: [Parameter("name", .string, help: "\"nb201\", \"nb201_latency\" or \"fbnet_latency\""),
                                      Parameter("dataset", .string, default: .string("cifar10"), help: "for nb201: \"cifar10\", \"cifar100\" or \"imagenet16-120\"")],
                         paper: "Dong & Yang, NAS-Bench-201, ICLR 2020; Li et al., HW-NAS-Bench, ICLR 2021",
                         example: "bench_table(\"nb201\", dataset: \"cifar100\") | sort accuracy desc | take 3") { call in
            let name = try call.string("name")
            switch name.lowercased() {
            case "nb201": return .table(try call.blaming("dataset") { try EvaluatorCatalogue.nb201Table(dataset: try call.string("dataset")) })
            case "nb201_latency": return .table(try call.blaming("name") { try EvaluatorCatalogue.latencyTable(space: "nb201") })
            case "fbnet_latency": return .table(try call.blaming("name") { try EvaluatorCatalogue.latencyTable(space: "fbnet") })
            default:
                let names = ["nb201", "nb201_latency", "fbnet_latency"]
                throw BuiltinError("there is no shipped table '\(name)'\(Spelling.didYouMean(name, among: names)) (the tables are \(names.joined(separator: ", ")))", argument: "name")
            }
        })
    }

    private func registerLatency() {
        register(Builtin("latency", category: "benchmarks", summary: "a device latency table (an evaluator), or a latency table's rows",
                         help: "With a device name, the shipped latency look-up table of that device for every nb201 cell (or, with `space: \"fbnet\"`, for 5,000 FBNet architectures): `evaluate(lat, a)` gives `latency` in seconds. Devices: desktop GPUs with a batch suffix (1080ti_1, 1080ti_32, 1080ti_256, titanx_…, titanxp_…, 2080ti_…, titan_rtx_…), CPUs (gold_6226, gold_6240, silver_4114, silver_4210r, core_i7_7820x), phones (pixel2, pixel3, samsung_a50, samsung_s7, essential_ph_1), raspi4, eyeriss, fpga; `devices()` lists them. Give a GPU as `device: \"1080ti\", batch: 32`. With a latency table instead of a name, returns its rows (arch, latency) as a table.",
                         parameters: [Parameter("device", .any, help: "a device name, or a latency table to list"),
                                      Parameter("batch", .integer, default: Value.none, help: "batch size for GPUs measured at several"),
                                      Parameter("space", .string, default: .string("nb201"), keywordOnly: true, help: "\"nb201\" or \"fbnet\"")],
                         paper: "Li et al., HW-NAS-Bench: Hardware-Aware NAS Benchmark, ICLR 2021; Lee et al., HELP, NeurIPS 2021",
                         example: "pi = latency(device: \"raspi4\")\nevaluate(pi, arch(nb201(), 0)).latency") { call in
            switch call["device"] {
            case .object(let o as LatencyTableValue): return .table(o.table.table())
            case .string(let device):
                let table = try call.blaming("device") {
                    try EvaluatorCatalogue.latency(device: device, batch: try call.optionalInt("batch"), space: try call.string("space"))
                }
                return .object(LatencyTableValue(table))
            default:
                throw BuiltinError("device must be a device name such as \"pixel3\" (or a latency table), got \(call["device"].kindDescription)", argument: "device")
            }
        })
        register(Builtin("devices", category: "benchmarks", summary: "the device configurations of the shipped latency tables",
                         help: "The names `latency(device: …)` accepts for a space's shipped latency tables, in the source's order.",
                         parameters: [Parameter("space", .string, default: .string("nb201"), help: "\"nb201\" or \"fbnet\"")],
                         example: "devices()") { call in
            .list(try call.blaming("space") { try EvaluatorCatalogue.devices(space: try call.string("space")) }.map { .string($0) })
        })
    }

    private func registerZeroCost() {
        let parameters = [Parameter("dataset", .string, default: .string("cifar10"), help: "\"cifar10\", \"cifar100\" or \"imagenet16-120\""),
                          Parameter("benchmark", .string, default: .string("nb201"), help: "\"nb201\", \"nb101\" (cifar10) or \"nb301\" (cifar10)")]
        register(Builtin("zero_cost", category: "benchmarks", summary: "NASLib's zero-cost proxy scores as a table",
                         help: "NAS-Bench-Suite-Zero's scores of eleven zero-cost proxies (epe_nas, fisher, flops, grad_norm, grasp, jacov, l2_norm, params, plain, snip, synflow) with each architecture's accuracy, for the subsets NASLib published: NB201 on CIFAR-10, CIFAR-100 and ImageNet16-120 (491 cells each, with index and arch), NB101 and NB301 on CIFAR-10 (500 each).",
                         parameters: parameters,
                         paper: "Krishnakumar et al., NAS-Bench-Suite-Zero, NeurIPS 2022 Datasets and Benchmarks; Abdelfattah et al., Zero-Cost Proxies, ICLR 2021",
                         example: "zero_cost(dataset: \"cifar100\") | sort synflow desc | take 5") { call in
            .table(try call.blaming("dataset") { try EvaluatorCatalogue.zeroCost(benchmark: try call.string("benchmark"), dataset: try call.string("dataset")).table })
        })
        register(Builtin("correlations", category: "benchmarks", summary: "rank correlation of each zero-cost proxy with accuracy",
                         help: "For one zero-cost subset, each proxy's Spearman ρ and Kendall τ-b with the architectures' accuracy (columns proxy, spearman, kendall, n).",
                         parameters: parameters,
                         paper: "Krishnakumar et al., NAS-Bench-Suite-Zero, NeurIPS 2022 Datasets and Benchmarks",
                         example: "correlations(dataset: \"cifar10\") | sort spearman desc") { call in
            .table(try call.blaming("dataset") {
                try EvaluatorCatalogue.zeroCost(benchmark: try call.string("benchmark"), dataset: try call.string("dataset")).correlations()
            })
        })
    }

    private func registerOwnTables() {
        register(Builtin("benchmark", category: "benchmarks", summary: "your own CSV table of results as an evaluator",
                         help: "Loads a CSV whose `key` column holds canonical architecture strings of `space` (for nb201 also official indices) and whose metric columns hold results. Accuracies may be fractions or percentages with %; give `units` for plain numbers in other units (`{latency: \"ms\"}`). Unknown or malformed keys, duplicate rows, missing metrics and wrong units are reported with the file and line, and nothing is loaded then.",
                         parameters: [Parameter("csv", .string, help: "path of the CSV file"), Parameter("space", .object("space"), help: "the space its keys belong to"),
                                      Parameter("key", .string, default: .string("arch"), help: "the column of architecture strings"),
                                      Parameter("metrics", .list, help: "the metric columns to load"),
                                      Parameter("units", .record, default: Value.none, keywordOnly: true, help: "unit per metric, for plain numbers")],
                         example: "ev = benchmark(csv: \"runs.csv\", space: nb201(), key: \"arch\", metrics: [\"accuracy\"])") { call in
            let space = try call.space("space")
            let metrics = try call.strings("metrics")
            let units = try Self.units(call)
            let table = try call.blaming("csv") {
                try EvaluatorCatalogue.benchmark(csv: try call.string("csv"), space: space, key: try call.string("key"), metrics: metrics, units: units)
            }
            return .object(EvaluatorValue(table, space: space))
        })
        register(Builtin("latency_table", category: "benchmarks", summary: "your own CSV of latencies as a latency table",
                         help: "Loads a CSV keyed by canonical architecture strings of `space` with one latency column (the only other column, `latency`, or `column`), in `unit` (ns, us, ms or s; cells may carry their own suffix). Errors name the file and line; nothing is half-loaded.",
                         parameters: [Parameter("csv", .string, help: "path of the CSV file"), Parameter("space", .object("space"), help: "the space its keys belong to"),
                                      Parameter("key", .string, default: .string("arch"), help: "the column of architecture strings"),
                                      Parameter("unit", .string, default: .string("ms"), help: "unit of plain numbers: ns, us, ms or s"),
                                      Parameter("column", .string, default: Value.none, keywordOnly: true, help: "the latency column")],
                         example: "lat = latency_table(csv: \"pi.csv\", space: nb201(), key: \"arch\", unit: \"ms\")") { call in
            let space = try call.space("space")
            let table = try call.blaming("csv") {
                try EvaluatorCatalogue.latencyTable(csv: try call.string("csv"), space: space, key: try call.string("key"),
                                                  unit: try call.string("unit"), column: try call.optionalString("column"))
            }
            return .object(LatencyTableValue(table))
        })
    }

    private static func units(_ call: BuiltinCall) throws -> [String: String] {
        guard case .record(let record) = call["units"] else { return [:] }
        var units: [String: String] = [:]
        for (metric, value) in record.fields {
            guard case .string(let unit) = value else {
                throw BuiltinError("units.\(metric) must be a unit name such as \"ms\", got \(value.kindDescription)", argument: "units")
            }
            units[metric] = unit
        }
        return units
    }
}
