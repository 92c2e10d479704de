import Foundation
import Testing
@testable import NASLanguage

/// Compares rendered diagnostics with files under Snapshots/; `NASLAB_RECORD=1` re-records them.
@Suite("Diagnostic snapshots")
struct DiagnosticSnapshotTests {
    static let cases: [(name: String, source: String, color: Bool)] = [
        ("unit-comparison", "limit = 3\nok = 20ms < limit\n", false),
        ("unknown-name", "accuracy = 0.9\nprint(acuracy + 1)\n", false),
        ("unknown-keyword", "round(3.14159, digts: 2)\n", false),
        ("several-parse-errors", "x = 1 +\ny = )\nz = [1, 2 3]\nfn f(a { a }\n", false),
        ("unclosed-paren", "t = max(1,\n  2\nprint(t)\n", false),
        ("missing-column", "t = table({id: [1, 2], latency: [3ms, 4ms]})\nt | where latncy < 20ms\n", false),
        ("assert-failure", "acc = 81%\nassert acc >= 85%, \"search regressed\"\n", false),
        ("unicode-caret", "name = \"résumé\"; x = name * 2\n", false),
        ("unterminated-string", "print(\"hello)\n", false),
        ("colored", "x = 1s + 2\n", true),
        ("bad-unit", "t = 5sec\n", false),
        ("c-operators", "ok = true && false\n", false),
    ]

    static var snapshotDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    }

    @Test("rendered diagnostics match their snapshots", arguments: cases.map(\.name))
    func snapshot(_ name: String) throws {
        let c = try #require(Self.cases.first { $0.name == name })
        let result = Harness().run(c.source, file: "\(name).nas")
        #expect(!result.result.diagnostics.isEmpty, "\(name) should fail")
        let rendered = result.result.renderDiagnostics(color: c.color) + "\n"
        let file = Self.snapshotDirectory.appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["NASLAB_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: Self.snapshotDirectory, withIntermediateDirectories: true)
            try rendered.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(rendered == expected, "snapshot \(name) differs; re-record with NASLAB_RECORD=1 after checking the change")
    }
}
