import Foundation
import NASBenchmarks
import NASCore
import NASSpaces

/// Builds the evaluators and benchmark tables the front ends name, and runs one evaluation.
///
/// NAS-Bench-201 lookups, the HW-NAS-Bench/HELP device latency tables, NASLib's zero-cost
/// proxy scores and a user's own CSV tables all come through here.
public enum EvaluatorCatalogue {
    /// The NAS-Bench-201 tabular evaluator with settings as the language spells them.
    public static func nb201(dataset: String = "cifar10", epochs: Int = 200, metric: String = "valid",
                             trial: String = "mean") throws -> NB201Evaluator {
        try NB201Evaluator(dataset: dataset, epochs: epochs, metric: metric, trial: trial)
    }

    /// The whole NAS-Bench-201 table of one dataset (index, arch, accuracies, params, times).
    public static func nb201Table(dataset: String) throws -> Table {
        let set = try NB201Dataset(name: dataset)
        return try NB201Benchmark.shared().table(set)
    }

    /// The spaces whose shipped latency tables exist.
    public static let latencySpaces = ["nb201", "fbnet"]

    /// A shipped device latency table of the `nb201` or `fbnet` space.
    public static func latency(device: String, batch: Int? = nil, space: String = "nb201") throws -> LatencyTable {
        try deviceBenchmark(space).table(device: device, batch: batch)
    }

    /// Every device's latency side by side for the `nb201` or `fbnet` space.
    public static func latencyTable(space: String = "nb201") throws -> Table {
        try deviceBenchmark(space).table()
    }

    /// The device configuration names of a space's shipped latency tables.
    public static func devices(space: String = "nb201") throws -> [String] {
        try deviceBenchmark(space).devices
    }

    private static func deviceBenchmark(_ space: String) throws -> DeviceLatencyBenchmark {
        switch space.lowercased() {
        case "nb201": return try DeviceLatencyBenchmark.nb201()
        case "fbnet": return try DeviceLatencyBenchmark.fbnet()
        default:
            throw BenchmarkError("latency tables are shipped for the nb201 and fbnet spaces, not '\(space)'")
        }
    }

    /// NASLib's zero-cost proxy scores for one benchmark and dataset.
    public static func zeroCost(benchmark: String = "nb201", dataset: String = "cifar10") throws -> ZeroCostProxies {
        try ZeroCostProxies.load(benchmark: benchmark, dataset: dataset)
    }

    /// A user's CSV table keyed by canonical architecture strings, loaded all-or-nothing.
    public static func benchmark(csv path: String, space: any SearchSpace, key: String, metrics: [String],
                                 units: [String: String] = [:]) throws -> BenchmarkTable {
        let url = try existingFile(path)
        return try namingFile(path, url) { try BenchmarkTable.load(csv: url, space: space, key: key, metrics: metrics, units: units) }
    }

    /// A user's latency CSV keyed by canonical architecture strings, in `unit`.
    public static func latencyTable(csv path: String, space: any SearchSpace, key: String, unit: String,
                                    column: String? = nil) throws -> LatencyTable {
        let url = try existingFile(path)
        return try namingFile(path, url) { try LatencyTable.load(csv: url, space: space, key: key, unit: unit, column: column) }
    }

    /// The latency table as an evaluator.
    public static func evaluator(_ table: LatencyTable) -> LatencyEvaluator { LatencyEvaluator(table: table) }

    /// Evaluates one architecture at the evaluator's own fidelity (or `epochs` when given);
    /// `cancel` (the session's Ctrl-C flag) stops a long evaluation such as training.
    public static func evaluate(_ evaluator: any Evaluator, _ architecture: Architecture, in space: any SearchSpace,
                                epochs: Int? = nil, seed: UInt64 = 0,
                                cancel: CancellationToken = CancellationToken()) throws -> TrialResult {
        let supported = evaluator.supportedSpaces
        guard supported.isEmpty || supported.contains(space.name) else {
            throw BenchmarkError("\(evaluator.descriptor) evaluates \(supported.sorted().joined(separator: ", ")) architectures, "
                + "not \(space.name) ones")
        }
        return try evaluator.evaluate(architecture, in: space, fidelity: Fidelity(epochs: epochs), seed: seed,
                                      cancel: cancel)
    }

    /// Runs a load, reporting errors in the file by the path as the user wrote it.
    static func namingFile<T>(_ path: String, _ url: URL, _ load: () throws -> T) throws -> T {
        do { return try load() } catch var error as BenchmarkError {
            if error.file == url.path { error.file = path }
            throw error
        }
    }

    /// The file at `path`, or an error naming it when it does not exist.
    static func existingFile(_ path: String) throws -> URL {
        guard FileManager.default.fileExists(atPath: path) else {
            throw BenchmarkError.unreadable("no such file", file: path)
        }
        return URL(fileURLWithPath: path)
    }
}
