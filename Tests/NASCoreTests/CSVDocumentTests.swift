import Foundation
import NASCore
import Testing

/// naslab's one CSV reader: RFC 4180 quoting, every line ending, a byte-order mark, and errors
/// that name the file and line.
@Suite("CSV document")
struct CSVDocumentTests {
    private func texts(_ document: CSVDocument) -> [[String]] {
        document.records.map { $0.fields.map(\.text) }
    }

    @Test("quoted fields hold commas, doubled quotes and line breaks; records know their first line")
    func quoting() throws {
        let document = try CSVDocument(text: "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"two\nlines\",3\n", source: "q.csv")
        #expect(document.header == ["a", "b"])
        #expect(texts(document) == [["x,y", "say \"hi\""], ["two\nlines", "3"]])
        #expect(document.records.map(\.line) == [2, 3])
        #expect(document.records[0].fields[0].quoted && !document.records[1].fields[1].quoted)
    }

    @Test("LF, CRLF and CR end lines alike; blank lines are skipped but counted")
    func lineEndings() throws {
        for text in ["a,b\n1,2\n\n3,4\n", "a,b\r\n1,2\r\n\r\n3,4\r\n", "a,b\r1,2\r\r3,4\r", "a,b\n1,2\n\n3,4"] {
            let document = try CSVDocument(text: text, source: "e.csv")
            #expect(texts(document) == [["1", "2"], ["3", "4"]], "\(text.debugDescription)")
            #expect(document.records.map(\.line) == [2, 4], "\(text.debugDescription)")
        }
    }

    @Test("a UTF-8 byte-order mark does not become part of the first column's name")
    func byteOrderMark() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-bom-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try (Data([0xEF, 0xBB, 0xBF]) + Data("key, value \n007,1\n".utf8)).write(to: URL(fileURLWithPath: path))
        let document = try CSVDocument(contentsOfFile: path)
        #expect(document.header == ["key", "value"])
        #expect(document.column("key") == 0)
        #expect(texts(document) == [["007", "1"]])
    }

    @Test("gzipped files are read like plain ones")
    func gzip() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-gz-\(UUID().uuidString).csv.gz").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Gzip.compress(Data("a\n1\n".utf8)).write(to: URL(fileURLWithPath: path))
        #expect(texts(try CSVDocument(contentsOfFile: path)) == [["1"]])
    }

    @Test("ragged rows, unclosed quotes, empty and missing files name the file and line")
    func errors() {
        #expect(throws: TableDataError.malformed(path: "r.csv", line: 4, reason: "1 field, but the header has 2")) {
            try CSVDocument(text: "a,b\n1,2\n\n3\n", source: "r.csv")
        }
        #expect(throws: TableDataError.malformed(path: "r.csv", line: 2, reason: "3 fields, but the header has 2")) {
            try CSVDocument(text: "a,b\r\n1,2,3\r\n", source: "r.csv")
        }
        #expect(throws: TableDataError.malformed(path: "q.csv", line: 3, reason: "a quoted field is never closed")) {
            try CSVDocument(text: "a,b\n1,2\n\"open,\n\n", source: "q.csv")
        }
        #expect(throws: TableDataError.malformed(path: "e.csv", line: 1, reason: "the file is empty; a header line is needed")) {
            try CSVDocument(text: "\n\n", source: "e.csv")
        }
        #expect(throws: TableDataError.unreadable(path: "no/such.csv")) {
            try CSVDocument(contentsOfFile: "no/such.csv")
        }
    }
}
