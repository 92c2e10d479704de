import Foundation
import NASLanguage

/// Writes the fuzzer's generated inputs: the dictionary file and the seed corpus.
public enum FuzzFiles {
    /// Writes the dictionary of the standard registry to `path`.
    public static func writeDictionary(to path: String) throws {
        try FuzzDictionary.fileText(for: .standard()).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Writes one file per seed script (`seed-000.nas`, …) into `folder`, creating it; returns how many.
    @discardableResult
    public static func writeSeeds(to folder: String) throws -> Int {
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let scripts = SeedCorpus.scripts(for: .standard())
        for (i, script) in scripts.enumerated() {
            let name = "seed-" + String(repeating: "0", count: max(0, 3 - String(i).count)) + String(i) + ".nas"
            try (script + "\n").write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return scripts.count
    }
}
