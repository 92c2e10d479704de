import Foundation

/// Locates the third-party data of `shared/data`: `<package root>/../shared/data`, else `/work/shared/data`.
enum SharedData {
    static let directory: URL = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let beside = root.deletingLastPathComponent().appendingPathComponent("shared/data")
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: "/work/shared/data")
    }()

    /// The rows of a CSV file as dictionaries (fields may be double-quoted, as in the NASLib files).
    static func csv(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        let header = fields(lines.removeFirst())
        return lines.map { Dictionary(uniqueKeysWithValues: zip(header, fields($0))) }
    }

    /// The comma-separated fields of one line; commas inside double quotes do not separate.
    static func fields(_ line: String) -> [String] {
        var result: [String] = []
        var current = ""
        var quoted = false
        for c in line {
            if c == "\"" { quoted.toggle() } else if c == "," && !quoted { result.append(current); current = "" } else { current.append(c) }
        }
        result.append(current)
        return result
    }
}
