import Foundation
import NASCore

/// NASCore's CSV reader with benchmark-style errors (`BenchmarkError`, with the file and line).
extension CSVDocument {
    /// Reads a CSV file (gzipped or not).
    init(benchmarkFile url: URL) throws {
        do { try self.init(contentsOfFile: url.path) } catch let error as TableDataError {
            throw Self.benchmarkError(error)
        }
    }

    /// Parses CSV text; `source` names it in errors.
    init(benchmarkText text: String, source: String) throws {
        do { try self.init(text: text, source: source) } catch let error as TableDataError {
            throw Self.benchmarkError(error)
        }
    }

    /// The position of a column, or an error naming the columns there are.
    func requiredColumn(_ name: String) throws -> Int {
        guard let j = column(name) else {
            throw BenchmarkError("there is no column '\(name)'; the columns are \(header.joined(separator: ", "))"
                + NameSuggestion.hint(for: name, among: header), file: source, line: 1)
        }
        return j
    }

    /// A reading error as a benchmark error at the same file and line.
    private static func benchmarkError(_ error: TableDataError) -> BenchmarkError {
        switch error {
        case .file(let path, let reason): return BenchmarkError(reason, file: path)
        case .unreadable(let path): return .unreadable("no such file or it cannot be read", file: path)
        case .malformed(let path, let line, let reason): return BenchmarkError(reason, file: path, line: line)
        case .unsupportedFormat(let path): return BenchmarkError(error.description, file: path)
        }
    }
}
