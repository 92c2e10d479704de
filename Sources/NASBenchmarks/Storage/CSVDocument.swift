import Foundation
import NASCore

/// A CSV file read into a header and records, each record with its 1-based line number.
///
/// Fields are separated by commas; a field in double quotes may contain commas, newlines and
/// doubled quotes (`""`). Every record must have as many fields as the header.
struct CSVDocument: Sendable {
    /// One data line.
    struct Record: Sendable {
        /// The line the record starts on (the header is line 1).
        var line: Int
        /// The fields, one per header column.
        var fields: [String]
    }

    /// The name used in error messages (the path as given).
    let source: String
    /// Column names.
    let header: [String]
    /// The data records, in file order.
    let records: [Record]

    /// Reads and parses a file (gzip-compressed files are decompressed).
    init(contentsOf url: URL, source: String? = nil) throws {
        let name = source ?? url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw BenchmarkError("cannot read the file: \(error.localizedDescription)", file: name)
        }
        let text = try Gzip.isGzip(data) ? Gzip.decompress(data) : data
        try self.init(text: String(decoding: text, as: UTF8.self), source: name)
    }

    /// Parses CSV text.
    init(text: String, source: String) throws {
        self.source = source
        var lines = try CSVDocument.split(text, source: source)
        guard !lines.isEmpty else { throw BenchmarkError("the file is empty; a header line is needed", file: source) }
        let header = lines.removeFirst().fields.map { $0.trimmingBlanks }
        for record in lines where record.fields.count != header.count {
            throw BenchmarkError("the line has \(record.fields.count) fields but the header has \(header.count)",
                                 file: source, line: record.line)
        }
        self.header = header
        self.records = lines
    }

    /// The position of a column, or an error naming the columns there are.
    func column(_ name: String) throws -> Int {
        guard let j = header.firstIndex(of: name) else {
            throw BenchmarkError("there is no column '\(name)'; the columns are \(header.joined(separator: ", "))"
                + NameSuggestion.hint(for: name, among: header), file: source, line: 1)
        }
        return j
    }

    /// Splits text into records, honouring quotes; blank lines are skipped.
    private static func split(_ text: String, source: String) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1
        var quoted = false, wasQuoted = false
        var bytes = Array(text.utf8).makeIterator()
        var pending: UInt8? = nil
        func finishField() { fields.append(String(decoding: field, as: UTF8.self)); field = []; wasQuoted = false }
        func finishRecord() {
            finishField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }
        while let byte = pending ?? bytes.next() {
            pending = nil
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    let next = bytes.next()
                    if next == UInt8(ascii: "\"") { field.append(byte) } else { quoted = false; pending = next }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","): finishField()
            case UInt8(ascii: "\n"): finishRecord(); line += 1; recordLine = line
            case UInt8(ascii: "\r"): break
            case UInt8(ascii: "\"") where field.isEmpty && !wasQuoted: quoted = true; wasQuoted = true
            default: field.append(byte)
            }
        }
        if quoted { throw BenchmarkError("a quoted field is never closed", file: source, line: recordLine) }
        if !field.isEmpty || !fields.isEmpty { finishRecord() }
        return records
    }
}
