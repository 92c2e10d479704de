import Foundation
import NASCore

/// The NAS-Bench-201 / NATS-Bench topology tables shipped with naslab, loaded once and shared.
///
/// Rows follow the official index (0..<15,625), which is also `NB201Space().index(of:)`.
/// Sources, versions and licences are in `Resources/PROVENANCE.md`. The 200-epoch test
/// accuracies come from a file without a licence statement of its own; when that file is not
/// shipped, `hasTest200` is false and only validation and 12-epoch results are offered.
public struct NB201Benchmark: Sendable {
    /// The number of cells in the benchmark.
    public static let cellCount = 15_625

    /// The benchmark string (`|op~0|+|op~0|op~1|+|…|`) of each cell, by index.
    public let architectures: [String]
    private let results: [NB201Dataset: NB201DatasetResults]

    /// The shared copy, loaded on first use (about 20 ms).
    public static func shared() throws -> NB201Benchmark { try cached.get() }

    private static let cached: Result<NB201Benchmark, BenchmarkError> = loadResult()

    /// Loads once, keeping a failure as a value so every caller sees the same error.
    private static func loadResult() -> Result<NB201Benchmark, BenchmarkError> {
        do { return .success(try load()) } catch let error as BenchmarkError { return .failure(error) } catch {
            return .failure(BenchmarkError("the NAS-Bench-201 tables cannot be loaded: \(error)"))
        }
    }

    /// Loads a fresh copy from the shipped resources (use `shared()` instead; this is for benchmarks).
    public static func load() throws -> NB201Benchmark {
        try load { try BundledResource.gunzipped($0) }
    }

    /// Loads from `read`, which gives a shipped file's decompressed bytes or nil when it is absent.
    ///
    /// Only `nb201_test200` may be absent (its source states no licence; see PROVENANCE.md).
    static func load(reading read: (String) throws -> Data?) throws -> NB201Benchmark {
        func store(_ name: String) throws -> ColumnStore? {
            try read(name).map { try ColumnStore(decompressed: $0, source: name) }
        }
        func required(_ name: String) throws -> ColumnStore {
            guard let loaded = try store(name) else {
                throw BenchmarkError("naslab is incomplete: the shipped table \(name) is missing from NASBenchmarks' resources")
            }
            return loaded
        }
        let val200 = try required("nb201_val200.ncs.gz")
        let test200 = try store("nb201_test200.ncs.gz")
        let epoch12 = try required("nb201_12epoch.ncs.gz")
        for table in [val200, epoch12] + (test200.map { [$0] } ?? []) where table.rowCount != cellCount {
            throw BenchmarkError("a shipped NAS-Bench-201 table has \(table.rowCount) rows, not \(cellCount)")
        }
        var results: [NB201Dataset: NB201DatasetResults] = [:]
        for dataset in NB201Dataset.allCases {
            results[dataset] = try NB201DatasetResults(dataset: dataset, val200: val200, test200: test200, epoch12: epoch12)
        }
        return NB201Benchmark(architectures: try val200.strings("arch_str"), results: results)
    }

    /// Whether the 200-epoch test accuracies are shipped.
    public var hasTest200: Bool { results[.cifar10]?.test200 != nil }

    /// All results on one dataset.
    public func results(_ dataset: NB201Dataset) -> NB201DatasetResults {
        guard let r = results[dataset] else { preconditionFailure("every dataset is loaded by load()") }
        return r
    }

    /// One dataset as a table: `index`, `arch`, `accuracy` (200-epoch validation mean),
    /// `test_accuracy` (when shipped), `accuracy_12ep`, `test_accuracy_12ep`, `runs`, `params`,
    /// `train_time`, `nats_latency`.
    public func table(_ dataset: NB201Dataset) -> Table {
        let r = results(dataset)
        var columns = ["index", "arch", "accuracy"]
        if r.test200 != nil { columns.append("test_accuracy") }
        columns += ["accuracy_12ep", "test_accuracy_12ep", "runs", "params", "train_time", "nats_latency"]
        let rows = (0..<NB201Benchmark.cellCount).map { i -> [Cell] in
            var row: [Cell] = [.number(Quantity(Double(i))), .string(architectures[i]), .number(.fraction(r.validMean[i]))]
            if let test = r.test200 { row.append(.number(.fraction(test[i]))) }
            row += [.number(.fraction(r.valid12[i])), .number(.fraction(r.test12[i])),
                    .number(Quantity(Double(r.runCount[i]))), .number(Quantity(r.params[i], hint: .count)),
                    .number(.seconds(r.trainTime[i])), .number(.seconds(r.natsLatency[i]))]
            return row
        }
        return Table(columns: columns, rows: rows)
    }
}
