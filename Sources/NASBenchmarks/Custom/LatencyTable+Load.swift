import Foundation
import NASCore
import NASSpaces

extension LatencyTable {
    /// Loads a user's latency table: a CSV keyed by canonical architecture strings of `space`
    /// (for `nb201` also official indices), with one latency column in `unit` (`ms`, `us`, `s`…).
    ///
    /// `column` names the latency column; when nil, the file's only other column, or `latency`.
    /// Cells may carry their own time suffix (`3.2ms`). Unknown keys, duplicate rows, a missing
    /// column, non-numbers, negative times and non-time units are reported with the file and line;
    /// nothing is loaded then.
    public static func load(csv: URL, space: any SearchSpace, key: String, unit: String,
                            column: String? = nil) throws -> LatencyTable {
        let timeUnit: MetricUnit
        do { timeUnit = try MetricUnit.named(unit) } catch let error as BenchmarkError {
            throw BenchmarkError("latency unit: \(error.message)", file: csv.path)
        }
        guard timeUnit.kind == .time else {
            throw BenchmarkError("a latency is a time, but the unit '\(unit)' is \(timeUnit.kind.rawValue); use ns, us, ms or s",
                                 file: csv.path)
        }
        let loader = try KeyedCSVLoader(csv: csv, space: space, key: key)
        let columnName = column ?? defaultLatencyColumn(loader.document, key: key)
        let rows = try loader.rows(metrics: [columnName], units: [timeUnit]).map { ($0.key, $0.values[0]) }
        let keys = LatencyKeys(space: space.name, keys: rows.map(\.0))
        return LatencyTable(name: csv.lastPathComponent, device: columnName, unit: unit, keys: keys, seconds: rows.map(\.1))
    }

    /// The only non-key column, else `latency`.
    private static func defaultLatencyColumn(_ document: CSVDocument, key: String) -> String {
        let others = document.header.filter { $0 != key }
        return others.count == 1 ? others[0] : "latency"
    }
}
