import Foundation
import Testing

/// Package.swift against the sources: each target declares exactly the package's targets it imports, and
/// no import points up the layers of DESIGN.md.
@Suite struct PackageLayersTests {
    /// The repository's root, from this file's place in it.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The layers from bottom to top; a target may import only targets of lower layers.
    static let layers: [[String]] = [
        ["CZlib", "CDNNL", "CEditLine", "CLibPQ"], ["NASCore"], ["NASTensor", "NASSpaces"], ["NASTraining"],
        ["NASSearch", "NASBenchmarks", "NASStore", "NASExport"], ["NASHardware"], ["NASEngine"], ["NASLanguage"], ["NASNotebook", "NASFuzzSupport"], ["naslab"],
    ]

    /// Each declared target with its folder and the package targets it lists.
    static func declared() throws -> [(name: String, folder: String, dependencies: Set<String>)] {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"\.(target|testTarget|executableTarget)\(name: "([^"]+)", dependencies: \[([^\]]*)\]([^\n]*)"#)
        let text = manifest as NSString
        return pattern.matches(in: manifest, range: NSRange(location: 0, length: text.length)).map { match in
            let kind = text.substring(with: match.range(at: 1)), name = text.substring(with: match.range(at: 2))
            let list = text.substring(with: match.range(at: 3)), rest = text.substring(with: match.range(at: 4))
            let names = Set(list.split(separator: ",").compactMap { item -> String? in
                let trimmed = item.trimmingCharacters(in: .whitespacesAndNewlines)
                guard trimmed.hasPrefix("\""), trimmed.hasSuffix("\"") else { return nil }
                return String(trimmed.dropFirst().dropLast())
            })
            let path = rest.range(of: #"path: "([^"]+)""#, options: .regularExpression)
                .map { String(rest[$0].dropFirst(7).dropLast()) }
            return (name, path ?? (kind == "testTarget" ? "Tests/\(name)" : "Sources/\(name)"), names)
        }
    }

    /// The package targets the Swift files under `folder` import.
    static func imports(in folder: String, among targets: Set<String>) throws -> Set<String> {
        let url = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { return [] }
        var found = Set<String>()
        for case let file as URL in walker where file.pathExtension == "swift" {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                let words = line.split(separator: " ")
                guard let index = words.firstIndex(of: "import"), index <= 1, index + 1 < words.count else { continue }
                let module = String(words[index + 1])
                if targets.contains(module) { found.insert(module) }
            }
        }
        return found
    }

    @Test("each target declares exactly the package targets it imports")
    func declaredIsImported() throws {
        let targets = try Self.declared()
        #expect(targets.count >= 20)
        let names = Set(targets.map(\.name))
        for target in targets {
            let imported = try Self.imports(in: target.folder, among: names)
            let declaredTargets = target.dependencies.intersection(names)
            #expect(imported == declaredTargets,
                    "\(target.name): imports \(imported.sorted()), declares \(declaredTargets.sorted())")
        }
    }

    @Test("no library imports a target of its own layer or above")
    func noArrowPointsUp() throws {
        for target in try Self.declared() where !target.folder.hasPrefix("Tests") {
            guard let level = Self.layers.firstIndex(where: { $0.contains(target.name) }) else { continue }
            for dependency in target.dependencies {
                guard let below = Self.layers.firstIndex(where: { $0.contains(dependency) }) else { continue }
                #expect(below < level, "\(target.name) imports \(dependency)")
            }
        }
    }
}
