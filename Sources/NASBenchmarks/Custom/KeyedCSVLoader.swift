import Foundation
import NASCore
import NASSpaces

/// Reads a user's CSV keyed by architecture: checks every key, every value and every unit,
/// and gives back complete rows or the first problem with its file and line.
struct KeyedCSVLoader {
    /// One checked row: the canonical key and the metric values in base units.
    struct Row {
        var key: String
        var architecture: Architecture
        var values: [Double]
    }

    let document: CSVDocument
    let space: any SearchSpace
    let keyColumn: String

    /// Reads the file; throws when it cannot be read or parsed as CSV.
    init(csv url: URL, space: any SearchSpace, key: String) throws {
        self.document = try CSVDocument(benchmarkFile: url)
        self.space = space
        self.keyColumn = key
    }

    /// Every row, with `metrics` read in `units` (base units out); all-or-nothing.
    func rows(metrics: [String], units: [MetricUnit]) throws -> [Row] {
        let keyIndex = try document.requiredColumn(keyColumn)
        let metricIndices = try metrics.map { try document.requiredColumn($0) }
        let kinds = units.map(\.kind)
        var firstLine: [String: Int] = [:]
        var rows: [Row] = []
        rows.reserveCapacity(document.records.count)
        for record in document.records {
            let architecture = try parseKey(record[keyIndex], line: record.line)
            let key = space.canonical(architecture)
            if let earlier = firstLine[key] {
                throw BenchmarkError("architecture \(key) is listed twice: here and on line \(earlier)",
                                     file: document.source, line: record.line)
            }
            firstLine[key] = record.line
            var values: [Double] = []
            for (m, column) in metricIndices.enumerated() {
                values.append(try value(record[column], metric: metrics[m], unit: units[m], kind: kinds[m], line: record.line))
            }
            rows.append(Row(key: key, architecture: architecture, values: values))
        }
        guard !rows.isEmpty else { throw BenchmarkError("the file has a header but no rows", file: document.source) }
        return rows
    }

    /// An architecture from a key cell: the space's canonical form, or for `nb201` an official index.
    private func parseKey(_ text: String, line: Int) throws -> Architecture {
        let trimmed = CSVDocument.trimmed(text)
        if let nb201 = space as? NB201Space, let index = Int(trimmed) {
            do { return try nb201.architecture(atIndex: index) } catch {
                throw BenchmarkError("key '\(trimmed)': \(error)", file: document.source, line: line)
            }
        }
        do {
            let architecture = try space.parse(trimmed)
            try space.validate(architecture)
            return architecture
        } catch {
            throw BenchmarkError("key '\(trimmed)' is not a \(space.name) architecture: \(error)", file: document.source, line: line)
        }
    }

    /// One metric value in base units, checked against the metric's kind (fractions within [0, 1]).
    private func value(_ text: String, metric: String, unit: MetricUnit, kind: MetricUnit.Kind, line: Int) throws -> Double {
        let value: Double
        do { value = try MetricUnit.value(of: text, unit: unit, kind: kind) } catch let error as BenchmarkError {
            throw BenchmarkError("column '\(metric)': \(error.message)", file: document.source, line: line)
        }
        if kind == .fraction && !(0...1).contains(value) {
            let hint = unit.symbol == "%" ? "percentages lie in [0, 100]" : "if the column is in percent, give its unit as %"
            throw BenchmarkError("column '\(metric)': \(text) is not an accuracy between 0 and 1 (\(hint))",
                                 file: document.source, line: line)
        }
        if kind == .time && value < 0 {
            throw BenchmarkError("column '\(metric)': a time cannot be negative (\(text))", file: document.source, line: line)
        }
        return value
    }
}
