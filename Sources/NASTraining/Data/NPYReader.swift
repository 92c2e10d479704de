import Foundation

/// Reads NumPy `.npy` arrays (format 1.0–3.0, little-endian float32/float64/uint8/int32/int64, C order).
public enum NPYReader {
    /// The array's shape and values as Doubles.
    public static func read(_ path: String) throws -> (shape: [Int], values: [Double]) {
        let b = try IDXReader.load(path)
        guard b.count >= 10, b[0] == 0x93, String(bytes: b[1..<6], encoding: .ascii) == "NUMPY" else {
            throw DatasetError(file: path, "is not a .npy file (bad magic)")
        }
        let major = b[6]
        let headerLength = major == 1 ? Int(b[8]) | Int(b[9]) << 8
            : Int(b[8]) | Int(b[9]) << 8 | Int(b[10]) << 16 | Int(b[11]) << 24
        let start = major == 1 ? 10 : 12
        guard b.count >= start + headerLength,
              let header = String(bytes: b[start..<(start + headerLength)], encoding: .ascii) else {
            throw DatasetError(file: path, "truncated .npy header")
        }
        let descr = try field(header, "descr", path)
        if header.contains("'fortran_order': True") {
            throw DatasetError(file: path, "Fortran-ordered arrays are not supported")
        }
        let shape = try parseShape(header, path)
        let count = shape.reduce(1, *)
        let (size, decode) = try decoder(descr, path)
        let body = start + headerLength
        guard b.count >= body + count * size else {
            throw DatasetError(file: path, "truncated: shape \(shape) needs \(count * size) bytes, found \(b.count - body)")
        }
        let values = b.withUnsafeBytes { raw in (0..<count).map { decode(raw, body + $0 * size) } }
        return (shape, values)
    }

    /// Images from one `.npy` and integer labels from another; `scale` divides the values.
    public static func dataset(features: String, labels: String, classes: Int, scale: Double = 1) throws -> LabeledData {
        let (shape, values) = try read(features)
        let (labelShape, labelValues) = try read(labels)
        guard labelShape.count == 1, labelShape[0] == shape.first else {
            throw DatasetError(file: labels, "has shape \(labelShape), expected [\(shape.first ?? 0)] labels")
        }
        let sample = Array(shape.dropFirst())
        let data = LabeledData(shape: sample.count == 1 ? sample : sample, values: values.map { Float($0 / scale) },
                               labels: labelValues.map { Int($0) })
        try data.validate(classes: classes, file: labels)
        return data
    }

    private static func field(_ header: String, _ key: String, _ path: String) throws -> String {
        guard let r = header.range(of: "'\(key)':") else { throw DatasetError(file: path, "header lacks \(key)") }
        let rest = header[r.upperBound...].drop { $0 == " " }
        guard rest.first == "'", let end = rest.dropFirst().firstIndex(of: "'") else {
            throw DatasetError(file: path, "cannot read \(key) in header")
        }
        return String(rest[rest.index(after: rest.startIndex)..<end])
    }

    private static func parseShape(_ header: String, _ path: String) throws -> [Int] {
        guard let r = header.range(of: "'shape':"), let open = header[r.upperBound...].firstIndex(of: "("),
              let close = header[open...].firstIndex(of: ")") else {
            throw DatasetError(file: path, "header lacks a shape")
        }
        return header[header.index(after: open)..<close].split(separator: ",")
            .compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    private static func decoder(_ descr: String, _ path: String) throws
        -> (Int, (UnsafeRawBufferPointer, Int) -> Double) {
        switch descr {
        case "<f4": return (4, { Double(Float(bitPattern: $0.loadUnaligned(fromByteOffset: $1, as: UInt32.self).littleEndian)) })
        case "<f8": return (8, { Double(bitPattern: $0.loadUnaligned(fromByteOffset: $1, as: UInt64.self).littleEndian) })
        case "|u1", "<u1": return (1, { Double($0[$1]) })
        case "<i4": return (4, { Double(Int32(littleEndian: $0.loadUnaligned(fromByteOffset: $1, as: Int32.self))) })
        case "<i8": return (8, { Double(Int64(littleEndian: $0.loadUnaligned(fromByteOffset: $1, as: Int64.self))) })
        default: throw DatasetError(file: path, "element type \(descr) is not supported (float32/64, uint8, int32/64)")
        }
    }
}
