import Foundation

/// A CSV file read into its header and data records: naslab's one CSV reader.
///
/// The format is RFC 4180: fields are separated by commas; a field in double quotes may hold
/// commas, line breaks and doubled quotes (`""`). Lines end in LF, CRLF or CR; a UTF-8 byte-order
/// mark before the header is dropped, and so are blank lines. The header's unquoted names are
/// trimmed of spaces and tabs. Every record must have as many fields as the header: a ragged
/// record, an unclosed quote or an empty file is a `TableDataError` naming the file and line.
public struct CSVDocument: Sendable {
    /// One field: its text and whether it was quoted (a quoted field is always text).
    public struct Field: Sendable, Equatable {
        /// The field's text, quotes removed.
        public var text: String
        /// Whether the field was in double quotes.
        public var quoted: Bool

        /// Creates a field.
        public init(text: String, quoted: Bool) {
            self.text = text
            self.quoted = quoted
        }
    }

    /// One data record.
    public struct Record: Sendable {
        /// The line the record starts on (the header is line 1 unless blank lines precede it).
        public var line: Int
        /// The fields, one per header column.
        public var fields: [Field]

        /// The text of field `column`.
        public subscript(column: Int) -> String { fields[column].text }
    }

    /// The name used in error messages (the path as the user gave it).
    public let source: String
    /// The column names.
    public let header: [String]
    /// The data records, in file order.
    public let records: [Record]

    /// Reads a file (gzip-compressed files are inflated); `source` names it in errors (default: `path`).
    public init(contentsOfFile path: String, source: String? = nil) throws {
        let name = source ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TableDataError.unreadable(path: name)
        }
        let bytes: Data
        do { bytes = Gzip.isGzip(data) ? try Gzip.decompress(data) : data } catch {
            throw TableDataError.file(path: name, reason: "corrupt or truncated gzip data (\(error))")
        }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw TableDataError.file(path: name, reason: "not UTF-8 text")
        }
        try self.init(text: text, source: name)
    }

    /// Parses CSV text; `source` names it in errors.
    public init(text: String, source: String) throws {
        var records = try CSVDocument.split(text, source: source)
        guard !records.isEmpty else {
            throw TableDataError.malformed(path: source, line: 1, reason: "the file is empty; a header line is needed")
        }
        let header = records.removeFirst().fields.map { $0.quoted ? $0.text : CSVDocument.trimmed($0.text) }
        if let ragged = records.first(where: { $0.fields.count != header.count }) {
            let count = ragged.fields.count
            throw TableDataError.malformed(path: source, line: ragged.line,
                                           reason: "\(count) field\(count == 1 ? "" : "s"), but the header has \(header.count)")
        }
        self.source = source
        self.header = header
        self.records = records
    }

    /// The position of the column `name`, or nil.
    public func column(_ name: String) -> Int? {
        header.firstIndex(of: name)
    }

    /// `text` without leading and trailing spaces and tabs.
    public static func trimmed(_ text: String) -> String {
        let isBlank = { (c: Character) in c == " " || c == "\t" }
        guard let first = text.firstIndex(where: { !isBlank($0) }), let last = text.lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(text[first...last])
    }

    /// Splits text into records, honouring quotes; blank lines are skipped.
    private static func split(_ text: String, source: String) throws -> [Record] {
        var scanner = Scanner(bytes: Array(text.utf8))
        scanner.skipByteOrderMark()
        try scanner.scan()
        guard !scanner.inQuotes else {
            throw TableDataError.malformed(path: source, line: scanner.quoteLine, reason: "a quoted field is never closed")
        }
        return scanner.records
    }

    /// The byte-level state machine behind `split` (delimiters are ASCII, so UTF-8 text splits safely by byte).
    private struct Scanner {
        let bytes: [UInt8]
        var position = 0
        var records: [Record] = []
        var fields: [Field] = []
        var field: [UInt8] = []
        var quoted = false
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        /// Steps over a UTF-8 byte-order mark at the start.
        mutating func skipByteOrderMark() {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }

        /// Reads every byte, collecting records.
        mutating func scan() throws {
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                if inQuotes { quotedByte(byte) } else { plainByte(byte) }
            }
            if !inQuotes && (!field.isEmpty || quoted || !fields.isEmpty) { endRecord() }
        }

        private mutating func quotedByte(_ byte: UInt8) {
            guard byte == UInt8(ascii: "\"") else {
                if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && next != UInt8(ascii: "\n")) { line += 1 }
                field.append(byte)
                return
            }
            if next == UInt8(ascii: "\"") {
                position += 1
                field.append(byte)
            } else {
                inQuotes = false
            }
        }

        private mutating func plainByte(_ byte: UInt8) {
            switch byte {
            case UInt8(ascii: "\"") where field.isEmpty && !quoted:
                inQuotes = true
                quoted = true
                quoteLine = line
            case UInt8(ascii: ","):
                endField()
            case UInt8(ascii: "\r"):
                if next == UInt8(ascii: "\n") { position += 1 }
                line += 1
                endRecord()
            case UInt8(ascii: "\n"):
                line += 1
                endRecord()
            default:
                field.append(byte)
            }
        }

        private var next: UInt8? { position < bytes.count ? bytes[position] : nil }

        private mutating func endField() {
            fields.append(Field(text: String(decoding: field, as: UTF8.self), quoted: quoted))
            field = []
            quoted = false
        }

        private mutating func endRecord() {
            endField()
            let blank = fields.count == 1 && fields[0].text.isEmpty && !fields[0].quoted
            if !blank { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            recordLine = line
        }
    }
}
