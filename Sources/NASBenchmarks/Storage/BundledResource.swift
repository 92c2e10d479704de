import Foundation
import NASCore

/// Reads the data files shipped in NASBenchmarks' resource bundle.
enum BundledResource {
    /// The decompressed bytes of a shipped `.gz` resource, or nil when the file is not shipped.
    ///
    /// A file that is present but unreadable or corrupt throws: that is a broken installation.
    static func gunzipped(_ fileName: String) throws -> Data? {
        guard let url = url(of: fileName) else { return nil }
        do {
            return try Gzip.decompress(try Data(contentsOf: url))
        } catch {
            throw BenchmarkError("the shipped table \(fileName) cannot be read: \(error)")
        }
    }

    /// Like `gunzipped`, but a missing file is an error naming the file.
    static func required(_ fileName: String) throws -> Data {
        guard let data = try gunzipped(fileName) else {
            throw BenchmarkError("naslab is incomplete: the shipped table \(fileName) is missing from NASBenchmarks' resources")
        }
        return data
    }

    /// The location of a shipped resource file (`nb201_val200.ncs.gz`), if it is shipped.
    static func url(of fileName: String) -> URL? {
        let parts = fileName.split(separator: ".", maxSplits: 1).map(String.init)
        let bundle = Bundle.module
        return bundle.url(forResource: "Resources/" + parts[0], withExtension: parts.count > 1 ? parts[1] : nil)
    }
}
