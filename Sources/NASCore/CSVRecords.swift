/// The records of CSV text (RFC 4180: quoted fields may hold commas, quotes as `""`, and line breaks).
enum CSVRecords {
    /// One field: its text and whether it was quoted.
    struct Field: Equatable {
        var text: String
        var quoted: Bool
    }

    /// One record: its fields and the line it starts on.
    struct Record {
        var fields: [Field]
        var line: Int
    }

    /// Splits CSV text into records; an unterminated quote is an error naming its line.
    static func parse(_ text: String, path: String) throws -> [Record] {
        var records: [Record] = []
        var fields: [Field] = []
        var field = ""
        var quoted = false
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var chars = Array(text.unicodeScalars)[...]
        func endField() {
            fields.append(Field(text: field, quoted: quoted))
            field = ""
            quoted = false
        }
        func endRecord() {
            endField()
            records.append(Record(fields: fields, line: recordLine))
            fields = []
            recordLine = line
        }
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" { chars.removeFirst(); field.unicodeScalars.append("\"") } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !quoted:
                inQuotes = true
                quoted = true
                quoteLine = line
            case ",":
                endField()
            case "\r":
                if chars.first == "\n" { chars.removeFirst() }
                line += 1
                endRecord()
            case "\n":
                line += 1
                endRecord()
            default:
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw TableDataError.malformed(path: path, line: quoteLine, reason: "a quoted field is never closed") }
        if !field.isEmpty || quoted || !fields.isEmpty { endRecord() }
        return records
    }
}
