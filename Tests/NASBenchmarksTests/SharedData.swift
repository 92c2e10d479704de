import Foundation

/// The third-party CSVs in shared/data, read independently of NASBenchmarks' own loaders.
///
/// Located at `<package root>/../shared/data`, falling back to `/work/shared/data`.
enum SharedData {
    /// The data folder, if present on this machine.
    static let directory: URL? = {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidates = [packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data"),
                          URL(fileURLWithPath: "/work/shared/data")]
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("nb201_val200.csv").path) }
    }()

    /// Whether the shared data is available (tests that compare against it need it).
    static var available: Bool { directory != nil }

    /// A simple CSV (no quoted fields) as a header and rows of text fields.
    struct SimpleCSV: Sendable {
        let header: [String]
        let rows: [[String]]

        /// The fields of one column.
        func column(_ name: String) -> [String] {
            guard let j = header.firstIndex(of: name) else { return [] }
            return rows.map { $0[j] }
        }

        /// One column as doubles (NaN for empty fields).
        func numbers(_ name: String) -> [Double] {
            column(name).map { $0.isEmpty ? .nan : Double($0)! }
        }
    }

    /// Reads a shared CSV whose fields contain no commas.
    static func simpleCSV(_ name: String) throws -> SimpleCSV {
        guard let directory else { throw CocoaError(.fileNoSuchFile) }
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        let lines = text.split(separator: "\n")
        let split = { (line: Substring) in line.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return SimpleCSV(header: split(lines[0]), rows: lines.dropFirst().map(split))
    }

    /// The shared CSVs read once per test process.
    static let val200 = try? simpleCSV("nb201_val200.csv")
    static let test200 = try? simpleCSV("nb201_test200.csv")
    static let epoch12 = try? simpleCSV("nb201_12epoch.csv")
    static let deviceLatency = try? simpleCSV("nb201_device_latency_ms.csv")
    static let fbnetLatency = try? simpleCSV("fbnet_device_latency_ms.csv")
}
