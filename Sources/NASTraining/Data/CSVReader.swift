import Foundation
import NASCore

/// Reads a CSV of numeric features and an integer label column (first line: header), gzipped or not.
public enum CSVReader {
    /// Reads `path`; `label` names the label column; every other column is a feature, and the
    /// features of a row are given `shape` (their count must match).
    public static func dataset(_ path: String, label: String, shape: [Int]?, classes: Int? = nil) throws -> LabeledData {
        let bytes = try IDXReader.load(path)
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            throw DatasetError(file: path, "is not UTF-8 text")
        }
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { throw DatasetError(file: path, "is empty") }
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let labelColumn = header.firstIndex(of: label) else {
            throw DatasetError(file: path, "has no column \"\(label)\" (columns: \(header.prefix(6).joined(separator: ", "))…)")
        }
        let features = header.count - 1
        let sampleShape = shape ?? [features]
        guard sampleShape.reduce(1, *) == features else {
            throw DatasetError(file: path, "has \(features) feature columns, which do not fit shape \(sampleShape)")
        }
        var values: [Float] = []
        values.reserveCapacity(lines.count * features)
        var labels: [Int] = []
        for (k, line) in lines.enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == header.count else {
                throw DatasetError(file: path, "line \(k + 2) has \(fields.count) fields, the header has \(header.count)")
            }
            for (j, field) in fields.enumerated() {
                let f = field.trimmingCharacters(in: .whitespaces)
                if j == labelColumn {
                    guard let y = Int(f) ?? Double(f).flatMap({ $0 == $0.rounded() ? Int($0) : nil }) else {
                        throw DatasetError(file: path, "line \(k + 2): label \"\(f)\" is not an integer")
                    }
                    labels.append(y)
                } else {
                    guard let v = Float(f) else {
                        throw DatasetError(file: path, "line \(k + 2), column \(header[j]): \"\(f)\" is not a number")
                    }
                    values.append(v)
                }
            }
        }
        let data = LabeledData(shape: sampleShape, values: values, labels: labels)
        try data.validate(classes: classes ?? ((labels.max() ?? 0) + 1), file: path)
        return data
    }
}
