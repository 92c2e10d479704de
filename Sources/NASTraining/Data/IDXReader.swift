import Foundation
import NASCore

/// Reads the IDX format of MNIST and Fashion-MNIST (big-endian header, uint8 data), gzipped or not.
public enum IDXReader {
    /// Reads an images file (magic 0x00000803) as `[count, 1, rows, cols]` pixel values 0…255.
    public static func images(_ path: String) throws -> (shape: [Int], pixels: [UInt8]) {
        let bytes = try load(path)
        guard bytes.count >= 16, word(bytes, 0) == 0x0000_0803 else {
            throw DatasetError(file: path, "not an IDX image file (expected magic 0x00000803)")
        }
        let n = word(bytes, 4), rows = word(bytes, 8), cols = word(bytes, 12)
        guard bytes.count >= 16 + n * rows * cols else {
            throw DatasetError(file: path, "truncated: header promises \(n) images of \(rows)×\(cols) "
                + "but the file has \(bytes.count - 16) pixel bytes")
        }
        return ([n, 1, rows, cols], Array(bytes[16..<(16 + n * rows * cols)]))
    }

    /// Reads a labels file (magic 0x00000801).
    public static func labels(_ path: String) throws -> [Int] {
        let bytes = try load(path)
        guard bytes.count >= 8, word(bytes, 0) == 0x0000_0801 else {
            throw DatasetError(file: path, "not an IDX label file (expected magic 0x00000801)")
        }
        let n = word(bytes, 4)
        guard bytes.count >= 8 + n else {
            throw DatasetError(file: path, "truncated: header promises \(n) labels but the file has \(bytes.count - 8)")
        }
        return bytes[8..<(8 + n)].map { Int($0) }
    }

    /// Reads an image file and its label file into a data set with pixels scaled to [0, 1].
    public static func dataset(images imagePath: String, labels labelPath: String, classes: Int) throws -> LabeledData {
        let (shape, pixels) = try images(imagePath)
        let labels = try labels(labelPath)
        guard labels.count == shape[0] else {
            throw DatasetError(file: labelPath, "has \(labels.count) labels but \(imagePath) has \(shape[0]) images")
        }
        let data = LabeledData(shape: Array(shape.dropFirst()), values: pixels.map { Float($0) / 255 }, labels: labels)
        try data.validate(classes: classes, file: labelPath)
        return data
    }

    /// The file's bytes, inflated when gzipped.
    static func load(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DatasetError(unreadable: path, "cannot be read (missing or not a file)")
        }
        guard Gzip.isGzip(data) else { return [UInt8](data) }
        do { return [UInt8](try Gzip.decompress(data)) } catch {
            throw DatasetError(file: path, "corrupt or truncated gzip data (\(error))")
        }
    }

    private static func word(_ b: [UInt8], _ at: Int) -> Int {
        Int(b[at]) << 24 | Int(b[at + 1]) << 16 | Int(b[at + 2]) << 8 | Int(b[at + 3])
    }
}
