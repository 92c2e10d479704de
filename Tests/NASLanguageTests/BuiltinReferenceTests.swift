import Foundation
import Testing
@testable import NASLanguage

/// docs/builtins.md is the registry's reference, word for word.
@Suite struct BuiltinReferenceTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/builtins.md")

    @Test("docs/builtins.md agrees with the registry (scripts/docs rewrites it)")
    func docsAgreeWithTheRegistry() throws {
        let generated = BuiltinReference.markdown(BuiltinRegistry.standard())
        if ProcessInfo.processInfo.environment["NASLAB_WRITE_DOCS"] == "1" {
            try generated.write(to: Self.file, atomically: true, encoding: .utf8)
        }
        let written = (try? String(contentsOf: Self.file, encoding: .utf8)) ?? ""
        #expect(written == generated, "docs/builtins.md and the builtin registry disagree: run scripts/docs")
    }

    @Test("every builtin has an entry with its signature, under its category")
    func everyBuiltinHasAnEntry() {
        let registry = BuiltinRegistry.standard()
        let text = BuiltinReference.markdown(registry)
        for builtin in registry.all {
            let entry = text.range(of: "### `\(builtin.name)`\n\n`\(builtin.signatureText)`")
            #expect(entry != nil, "\(builtin.name) has no entry")
            let heading = text.range(of: "\n## \(builtin.category)\n")
            #expect(heading != nil && entry.map { heading!.upperBound <= $0.lowerBound } == true)
        }
    }
}
