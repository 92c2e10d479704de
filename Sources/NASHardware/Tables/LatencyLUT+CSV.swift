import Foundation
import NASCore
import NASSpaces

/// Latency tables as CSV files: the metadata as `# name: value` comment lines, then `key,seconds,cv`.
///
/// ```
/// # naslab latency table
/// # name: fbnet@naslab-cpu/1t
/// # kind: plain
/// # space: fbnet
/// # device: naslab-cpu/1t
/// # threads: 1
/// # batch: 1
/// # input: 3x64x64
/// # classes: 1000
/// # engine: 0.1.0
/// # measured: 2026-12-07T02:00:00Z
/// # measurements: 0
/// # method: profile
/// # entries: 200
/// key,seconds,cv
/// stem@3x64x64,0.000112,0.013
/// ```
/// Seconds are written exactly (shortest round-trip form). `entries` is the row count, so a file
/// cut off at a line boundary is caught. Reading checks everything and loads nothing from a bad
/// file: the error names `file:line`.
extension LatencyLUT {
    /// The metadata keys a file must have.
    static let requiredFields = ["kind", "space", "device", "threads", "batch", "input", "classes", "entries"]

    /// The table as CSV text.
    public func csvText() -> String {
        let m = metadata
        var lines = ["# naslab latency table", "# name: \(m.name)", "# kind: \(m.kind.rawValue)", "# space: \(m.space)",
                     "# device: \(m.device)", "# threads: \(m.threads)", "# batch: \(m.batch)", "# input: \(m.inputText)",
                     "# classes: \(m.classes)", "# engine: \(m.engineVersion)",
                     "# measured: \(ISO8601DateFormatter().string(from: m.date))",
                     "# measurements: \(m.wholeNetworkMeasurements)", "# method: \(m.method)",
                     "# entries: \(entries.count)", "key,seconds,cv"]
        lines += sortedEntries.map { "\($0.key),\($0.entry.seconds),\($0.entry.cv)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the table to `path` as CSV.
    public func write(csv path: String) throws {
        do {
            try csvText().write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw HardwareError("\(path): cannot write the latency table (\(error.localizedDescription))")
        }
    }

    /// Reads a table written by `write(csv:)`; `source` names the file in errors (default: `path`). A file that
    /// cannot be read is a `TableDataError.unreadable` (a missing input, as for other data files).
    public static func read(csv path: String, source: String? = nil) throws -> LatencyLUT {
        let name = source ?? path
        guard let data = FileManager.default.contents(atPath: path) else { throw TableDataError.unreadable(path: name) }
        guard let text = String(data: data, encoding: .utf8) else { throw HardwareError("\(name): not UTF-8 text") }
        return try parse(csv: text, source: name)
    }

    /// Parses CSV text of a table; `source` names it in errors.
    public static func parse(csv text: String, source: String) throws -> LatencyLUT {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.trimmingCharacters(in: .whitespaces)) }
        var fields: [String: (value: String, line: Int)] = [:]
        var entries: [String: LUTEntry] = [:]
        var headerSeen = false
        for (i, line) in lines.enumerated() where !line.isEmpty {
            let number = i + 1
            func fail(_ reason: String) -> HardwareError { HardwareError("\(source):\(number): \(reason)") }
            if line.hasPrefix("#") {
                guard !headerSeen else { throw fail("a comment after the header; metadata lines come first") }
                if let colon = line.firstIndex(of: ":") {
                    let key = line[line.index(after: line.startIndex)..<colon].trimmingCharacters(in: .whitespaces)
                    fields[key] = (line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces), number)
                }
            } else if !headerSeen {
                guard line == "key,seconds,cv" else { throw fail("the header must be 'key,seconds,cv', found '\(line)'") }
                headerSeen = true
            } else {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                guard cells.count == 3 else { throw fail("\(cells.count) fields, but the header has 3 (key,seconds,cv)") }
                guard !cells[0].isEmpty else { throw fail("an empty key") }
                guard let seconds = Double(cells[1]), seconds.isFinite else {
                    throw fail("'\(cells[1])' is not a latency in seconds")
                }
                guard let cv = Double(cells[2]), cv.isFinite, cv >= 0 else { throw fail("'\(cells[2])' is not a coefficient of variation") }
                guard entries[cells[0]] == nil else { throw fail("the key '\(cells[0])' appears twice") }
                entries[cells[0]] = LUTEntry(seconds: seconds, cv: cv)
            }
        }
        let last = (lines.lastIndex { !$0.isEmpty } ?? 0) + 1
        guard headerSeen else { throw HardwareError("\(source):\(last): no 'key,seconds,cv' header; not a latency table") }
        let metadata = try metadata(fields, source: source, lastLine: last)
        guard let expected = Int(fields["entries"]!.value), expected == entries.count else {
            let rows = entries.count == 1 ? "1 row" : "\(entries.count) rows"
            throw HardwareError("\(source):\(last): the file says '# entries: \(fields["entries"]!.value)' but has \(rows); is it truncated?")
        }
        return LatencyLUT(metadata: metadata, entries: entries)
    }

    /// The metadata of a file from its `# name: value` lines.
    private static func metadata(_ fields: [String: (value: String, line: Int)], source: String, lastLine: Int) throws -> LUTMetadata {
        if let missing = requiredFields.first(where: { fields[$0] == nil }) {
            throw HardwareError("\(source):\(lastLine): no '# \(missing): …' line; is it truncated?")
        }
        func value<T>(_ key: String, _ what: String, _ read: (String) -> T?) throws -> T {
            let f = fields[key]!
            guard let v = read(f.value) else { throw HardwareError("\(source):\(f.line): \(key) must be \(what), found '\(f.value)'") }
            return v
        }
        let positive = { (s: String) -> Int? in Int(s).flatMap { $0 >= 1 ? $0 : nil } }
        let kind = try value("kind", "plain or corrected") { LUTKind(rawValue: $0) }
        let date = fields["measured"].flatMap { ISO8601DateFormatter().date(from: $0.value) } ?? Date(timeIntervalSince1970: 0)
        let fallbackName = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
        return LUTMetadata(name: fields["name"]?.value ?? fallbackName, kind: kind, space: fields["space"]!.value,
                           device: fields["device"]!.value, threads: try value("threads", "a whole number ≥ 1", positive),
                           batch: try value("batch", "a whole number ≥ 1", positive),
                           input: try value("input", "a shape like 3x64x64", LUTMetadata.shape),
                           classes: try value("classes", "a whole number ≥ 1", positive),
                           engineVersion: fields["engine"]?.value ?? "unknown", date: date,
                           wholeNetworkMeasurements: fields["measurements"].flatMap { Int($0.value) } ?? 0,
                           method: fields["method"]?.value ?? (kind == .plain ? "profile" : "correction"))
    }
}
