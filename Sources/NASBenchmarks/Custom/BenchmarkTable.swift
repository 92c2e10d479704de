import Foundation
import NASCore
import NASSpaces

/// A user's table of results keyed by architecture, usable as an evaluator.
///
/// `BenchmarkTable.load(csv:space:key:metrics:units:)` reads a CSV whose `key` column holds
/// canonical architecture strings of `space` (for `nb201` also official indices) and whose
/// `metrics` columns hold numbers. Accuracies are fractions unless their unit is `%`; times are
/// seconds unless given another unit (or a suffix such as `12ms` in the cell). Every problem —
/// a key the space cannot parse, a row listed twice, a missing column, a value that is not a
/// number or has the wrong unit — is reported with the file and line, and nothing is loaded.
/// Evaluating returns the row's metrics and charges `train_time` (when a metric) as simulated time.
public struct BenchmarkTable: Evaluator {
    /// The file the table came from, as given.
    public let source: String
    /// The space of the keys.
    public let space: any SearchSpace
    /// The metric names, in the order given.
    public let metrics: [String]
    /// The canonical key of each row, in file order.
    public let keys: [String]
    private let values: [[Double]]
    private let rowByKey: [String: Int]

    /// Loads a CSV all-or-nothing; `units` maps a metric to the unit its plain numbers are in.
    public static func load(csv: URL, space: any SearchSpace, key: String, metrics: [String],
                            units: [String: String] = [:]) throws -> BenchmarkTable {
        guard !metrics.isEmpty else { throw BenchmarkError("name at least one metric column to load", file: csv.path) }
        let resolved = try metrics.map { metric -> MetricUnit in
            guard let symbol = units[metric] else { return MetricUnit.defaultUnit(ofMetric: metric) }
            let unit: MetricUnit
            do { unit = try MetricUnit.named(symbol) } catch let error as BenchmarkError {
                throw BenchmarkError("metric '\(metric)': \(error.message)", file: csv.path)
            }
            let kind = MetricUnit.kind(ofMetric: metric)
            guard unit.fits(kind) else {
                throw BenchmarkError("metric '\(metric)' holds \(kind.rawValue), but its unit '\(symbol)' is \(unit.kind.rawValue)",
                                     file: csv.path)
            }
            return unit
        }
        for unknown in units.keys where !metrics.contains(unknown) {
            throw BenchmarkError("a unit is given for '\(unknown)', which is not among the metrics \(metrics.joined(separator: ", "))",
                                 file: csv.path)
        }
        let loader = try KeyedCSVLoader(csv: csv, space: space, key: key)
        let rows = try loader.rows(metrics: metrics, units: resolved)
        return BenchmarkTable(source: csv.path, space: space, metrics: metrics, keys: rows.map(\.key), values: rows.map(\.values))
    }

    private init(source: String, space: any SearchSpace, metrics: [String], keys: [String], values: [[Double]]) {
        self.source = source
        self.space = space
        self.metrics = metrics
        self.keys = keys
        self.values = values
        self.rowByKey = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
    }

    /// The number of architectures in the table.
    public var count: Int { keys.count }

    /// The metrics of the architecture with this canonical key, or nil.
    public func metrics(forKey key: String) -> [String: Double]? {
        rowByKey[key].map { Dictionary(uniqueKeysWithValues: zip(metrics, values[$0])) }
    }

    /// The evaluator and its settings, as the language would write it.
    public var descriptor: String { "benchmark(csv: \(source), space: \(space.name), metrics: \(metrics.joined(separator: ", ")))" }

    /// The one space whose architectures the table holds.
    public var supportedSpaces: Set<String> { [space.name] }

    /// None: the table has no epochs.
    public var maxEpochs: Int? { nil }

    /// True: each architecture's metrics are its own row.
    public var recordsEachArchitecture: Bool { true }

    /// The row's metrics; an architecture the table does not list is a failed trial.
    public func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity,
                         seed: UInt64, cancel: CancellationToken) throws -> TrialResult {
        guard architecture.space == self.space.name else {
            throw BenchmarkError("the table \(source) holds \(self.space.name) architectures, not \(architecture.space) ones")
        }
        let key = self.space.canonical(architecture)
        guard let metrics = metrics(forKey: key) else {
            return .failed("\(key) is not in the table \(source) (\(count) architectures)")
        }
        return TrialResult(metrics: metrics, simulatedSeconds: metrics["train_time"] ?? 0)
    }

    /// The table as `arch` and one column per metric, in file order.
    public func table() -> Table {
        let rows = zip(keys, values).map { key, row in
            [Cell.string(key)] + zip(metrics, row).map { Cell.number(MetricCatalogue.quantity($0, $1)) }
        }
        return Table(columns: ["arch"] + metrics, rows: rows)
    }
}
