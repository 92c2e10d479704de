import NASCore

/// Reads a CSV of numeric features and an integer label column (first line: header), gzipped or
/// not, through NASCore's `CSVDocument` (RFC 4180 quoting, CRLF, byte-order mark).
public enum CSVReader {
    /// Reads `path`; `label` names the label column; every other column is a feature, and the
    /// features of a row are given `shape` (their count must match).
    public static func dataset(_ path: String, label: String, shape: [Int]?, classes: Int? = nil) throws -> LabeledData {
        try dataset(document(path), label: label, shape: shape, classes: classes)
    }

    /// The labelled samples of a read document (its `source` names it in errors).
    public static func dataset(_ document: CSVDocument, label: String, shape: [Int]?, classes: Int? = nil) throws
        -> LabeledData {
        let path = document.source
        guard let labelColumn = document.column(label) else {
            throw DatasetError(file: path, "has no column \"\(label)\" (columns: \(document.header.prefix(6).joined(separator: ", "))…)")
        }
        let features = document.header.count - 1
        let sampleShape = shape ?? [features]
        guard sampleShape.reduce(1, *) == features else {
            throw DatasetError(file: path, "has \(features) feature columns, which do not fit shape \(sampleShape)")
        }
        var values: [Float] = []
        values.reserveCapacity(document.records.count * features)
        var labels: [Int] = []
        for record in document.records {
            for (j, field) in record.fields.enumerated() {
                let text = CSVDocument.trimmed(field.text)
                if j == labelColumn {
                    labels.append(try labelValue(text, line: record.line, path: path))
                } else {
                    values.append(try featureValue(text, column: document.header[j], line: record.line, path: path))
                }
            }
        }
        let data = LabeledData(shape: sampleShape, values: values, labels: labels)
        try data.validate(classes: classes ?? ((labels.max() ?? 0) + 1), file: path)
        return data
    }

    /// The CSV file at `path`, with reading errors as `DatasetError`s naming the file (and line).
    public static func document(_ path: String) throws -> CSVDocument {
        do { return try CSVDocument(contentsOfFile: path) } catch let error as TableDataError {
            switch error {
            case .file(let file, let reason): throw DatasetError(file: file, reason)
            case .unreadable(let file): throw DatasetError(unreadable: file, "no such file or it cannot be read")
            case .malformed(let file, let line, let reason): throw DatasetError(file: file, "line \(line): \(reason)")
            case .unsupportedFormat(let file): throw DatasetError(file: file, error.description)
            }
        }
    }

    /// A whole-number label (`3` or `3.0`).
    private static func labelValue(_ text: String, line: Int, path: String) throws -> Int {
        guard let y = Int(text) ?? Double(text).flatMap({ $0 == $0.rounded() && abs($0) < 1e15 ? Int($0) : nil }) else {
            throw DatasetError(file: path, "line \(line): label \"\(text)\" is not an integer")
        }
        return y
    }

    /// A numeric feature.
    private static func featureValue(_ text: String, column: String, line: Int, path: String) throws -> Float {
        guard let v = Float(text) else {
            throw DatasetError(file: path, "line \(line), column \(column): \"\(text)\" is not a number")
        }
        return v
    }
}
