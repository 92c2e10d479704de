import Foundation
import Testing
@testable import NASLanguage

/// Runs every script in Scripts/<area>/ and checks its output and outcome against the
/// `# expect: LINE`, `# expect error: TEXT` and `# expect exit: N` comments inside it.
///
/// Scripts live in a folder per area (`language`, `spaces`, `training`, `benchmarks`, `search`, `runs`,
/// `data`, `analysis`) and are named `<area>_<topic>.nas`, or `<area>_error_<topic>.nas` for a script that checks an error.
@Suite("Golden scripts")
struct GoldenScriptTests {
    static let scripts: [URL] = {
        guard let dir = Bundle.module.url(forResource: "Scripts", withExtension: nil),
              let walker = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "nas" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }()

    @Test("the scripts folder holds scripts")
    func scriptsExist() {
        #expect(Self.scripts.count >= 8)
    }

    @Test("every script sits in its area's folder and is named after it")
    func scriptsFollowTheNamingRule() {
        for url in Self.scripts {
            let area = url.deletingLastPathComponent().lastPathComponent
            #expect(url.lastPathComponent.hasPrefix(area + "_"), "\(area)/\(url.lastPathComponent)")
            #expect(!url.lastPathComponent.contains("_err_"), "\(url.lastPathComponent): write _error_")
        }
    }

    @Test("script output and outcome match its expectations", arguments: scripts.map(\.lastPathComponent))
    func script(_ name: String) throws {
        let url = try #require(Self.scripts.first { $0.lastPathComponent == name })
        let source = try String(contentsOf: url, encoding: .utf8)
        let expected = Expectations(source)
        let harness = Harness()
        let (output, result) = harness.run(source, file: name)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let actualLines = lines.last == "" ? Array(lines.dropLast()) : lines
        #expect(actualLines == expected.output, "output of \(name)")
        let rendered = result.renderDiagnostics(color: false)
        let messages = Self.withoutSourceLines(result.diagnostics)
        for fragment in expected.errors {
            #expect(messages.contains(fragment), "\(name): expected an error containing '\(fragment)', got:\n\(rendered)")
        }
        if expected.errors.isEmpty && expected.exit == 0 {
            #expect(result.diagnostics.isEmpty, "\(name): unexpected diagnostics:\n\(rendered)")
        }
        #expect(result.outcome.exitCode == expected.exit, "\(name): exit \(result.outcome.exitCode), expected \(expected.exit)\n\(rendered)")
    }
}

extension GoldenScriptTests {
    /// The diagnostics as `file:line:col: error: message` lines, without the quoted source line: an
    /// `# expect error:` comment on the failing line is quoted with it, and must not match itself.
    static func withoutSourceLines(_ diagnostics: [Diagnostic]) -> String {
        DiagnosticRenderer.render(diagnostics.map { d in
            var bare = d
            bare.sourceLine = nil
            return bare
        })
    }
}

/// The expectations written in a golden script's comments.
struct Expectations {
    var output: [String] = []
    var errors: [String] = []
    var exit: Int32 = 0

    init(_ source: String) {
        var explicitExit: Int32?
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if let r = line.range(of: "# expect: ") {
                output.append(String(line[r.upperBound...]))
            } else if line.hasSuffix("# expect:") {
                output.append("")
            } else if let r = line.range(of: "# expect error: ") {
                errors.append(String(line[r.upperBound...]))
            } else if let r = line.range(of: "# expect exit: ") {
                explicitExit = Int32(line[r.upperBound...].trimmingCharacters(in: .whitespaces))
            }
        }
        exit = explicitExit ?? (errors.isEmpty ? 0 : 65)
    }
}
