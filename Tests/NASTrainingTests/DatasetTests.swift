import Foundation
import NASCore
import NASTensor
import Testing
@testable import NASTraining

/// Readers, splits and built-in sets, and clear errors for bad files.
@Suite struct DatasetTests {
    private func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!.path
    }

    private func temp(_ name: String, _ bytes: [UInt8]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-data-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func idxLabels(_ labels: [UInt8], claimed: Int? = nil) -> [UInt8] {
        let n = claimed ?? labels.count
        return [0, 0, 8, 1, UInt8(n >> 24), UInt8((n >> 16) & 255), UInt8((n >> 8) & 255), UInt8(n & 255)] + labels
    }

    private func idxImages(count: Int, rows: Int, cols: Int, claimed: Int? = nil) -> [UInt8] {
        let n = claimed ?? count
        func be(_ v: Int) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 255), UInt8((v >> 8) & 255), UInt8(v & 255)] }
        return [0, 0, 8, 3] + be(n) + be(rows) + be(cols) + (0..<(count * rows * cols)).map { UInt8($0 % 256) }
    }

    @Test func mnist5kIsBalancedAndSplitsAddUp() throws {
        let d = try BuiltinDatasets.load("mnist5k", seed: 1)
        #expect(d.train.count == 3500 && d.valid.count == 750 && d.test.count == 750)
        #expect(d.shape.channels == 1 && d.shape.height == 28 && d.shape.width == 28)
        var histogram = [Int](repeating: 0, count: 10)
        for y in d.train.labels + d.valid.labels + d.test.labels { histogram[y] += 1 }
        #expect(histogram == Array(repeating: 500, count: 10))  // documented: exactly 500 per class
    }

    @Test func digitsFromTheShippedCSV() throws {
        let d = try BuiltinDatasets.load("digits", seed: 2)
        #expect(d.train.count + d.valid.count + d.test.count == 1797)
        #expect(d.shape.height == 8 && d.shape.width == 8)
    }

    @Test func seededSplitsAndTrainingNormalisation() throws {
        let a = try BuiltinDatasets.load("digits", seed: 3), b = try BuiltinDatasets.load("digits", seed: 3)
        let c = try BuiltinDatasets.load("digits", seed: 4)
        #expect(a.train.labels == b.train.labels && a.train.values == b.train.values)
        #expect(a.train.labels != c.train.labels)
        let v = a.train.values.map(Double.init)
        let mean = v.reduce(0, +) / Double(v.count)
        let variance = v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(v.count)
        #expect(abs(mean) < 1e-4 && abs(variance - 1) < 1e-3)
    }

    @Test func fashionMNISTFromTheDebianPackage() throws {
        let d = try BuiltinDatasets.load("fashion-mnist", train: 1000, valid: 200, test: 300, seed: 1)
        #expect(d.train.count == 1000 && d.valid.count == 200 && d.test.count == 300)
        #expect(Set(d.train.labels) == Set(0..<10))
    }

    @Test func gzippedAndPlainIDXReadTheSame() throws {
        let gz = try BuiltinDatasets.resource("mnist5k-labels-idx1-ubyte.gz")
        let raw = try Gzip.decompress(Data(contentsOf: URL(fileURLWithPath: gz)))
        let plain = try temp("labels-idx1-ubyte", [UInt8](raw))
        #expect(try IDXReader.labels(gz) == IDXReader.labels(plain))
    }

    @Test func missingFileIsNamed() {
        #expect { try IDXReader.labels("/nonexistent/labels.gz") } throws: { error in
            "\(error)".contains("/nonexistent/labels.gz") && "\(error)".contains("cannot be read")
        }
    }

    @Test func truncatedFilesAreNamed() throws {
        let images = try temp("short-images", idxImages(count: 2, rows: 4, cols: 4, claimed: 3))
        #expect { try IDXReader.images(images) } throws: { "\($0)".contains(images) && "\($0)".contains("truncated") }
        let labels = try temp("short-labels", idxLabels([1, 2], claimed: 5))
        #expect { try IDXReader.labels(labels) } throws: { "\($0)".contains(labels) && "\($0)".contains("truncated") }
        let gz = try Gzip.compress(Data(idxLabels([1, 2, 3])))
        let cut = try temp("cut.gz", [UInt8](gz.prefix(gz.count - 6)))
        #expect { try IDXReader.labels(cut) } throws: { "\($0)".contains(cut) }
    }

    @Test func wrongFileKindAndMismatchedCounts() throws {
        let images = try temp("img", idxImages(count: 3, rows: 2, cols: 2))
        let labels = try temp("lab", idxLabels([0, 1]))
        #expect { try IDXReader.labels(images) } throws: { "\($0)".contains("not an IDX label file") }
        #expect { try IDXReader.dataset(images: images, labels: labels, classes: 10) } throws: {
            "\($0)".contains(labels) && "\($0)".contains("2 labels")
        }
    }

    @Test func labelOutOfRange() throws {
        let images = try temp("img2", idxImages(count: 2, rows: 2, cols: 2))
        let labels = try temp("lab2", idxLabels([3, 12]))
        #expect { try IDXReader.dataset(images: images, labels: labels, classes: 10) } throws: {
            "\($0)".contains(labels) && "\($0)".contains("label 12")
        }
    }

    @Test func csvShapesLabelsAndErrors() throws {
        let good = try temp("good.csv", Array("a,b,y,c,d\n1,2,0,3,4\n5,6,1,7,8\n".utf8))
        let d = try CSVReader.dataset(good, label: "y", shape: [1, 2, 2])
        #expect(d.values == [1, 2, 3, 4, 5, 6, 7, 8] && d.labels == [0, 1] && d.shape == [1, 2, 2])
        #expect { try CSVReader.dataset(good, label: "y", shape: [1, 2, 3]) } throws: {
            "\($0)".contains(good) && "\($0)".contains("do not fit shape")
        }
        #expect { try CSVReader.dataset(good, label: "label", shape: nil) } throws: {
            "\($0)".contains(good) && "\($0)".contains("no column \"label\"")
        }
        let bad = try temp("bad.csv", Array("a,y\n1,0\nx,1\n".utf8))
        #expect { try CSVReader.dataset(bad, label: "y", shape: nil) } throws: { "\($0)".contains("line 3") }
        let range = try temp("range.csv", Array("a,y\n1,0\n2,7\n".utf8))
        #expect { try CSVReader.dataset(range, label: "y", shape: nil, classes: 3) } throws: { "\($0)".contains("label 7") }
    }

    @Test func npyMatchesNumpy() throws {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: fixture("tiny_npy_values.json"))))
            as! [String: Any]
        let (s32, v32) = try NPYReader.read(fixture("tiny_f32.npy"))
        #expect(s32 == json["f32_shape"] as! [Int])
        #expect(v32.map { Float($0) } == (json["f32"] as! [Double]).map { Float($0) })
        let (s64, v64) = try NPYReader.read(fixture("tiny_f64.npy"))
        #expect(s64 == json["f64_shape"] as! [Int])
        // Foundation's JSON parser may round the last bit of a double; the reader itself is exact.
        #expect(zip(v64, json["f64"] as! [Double]).allSatisfy { abs($0 - $1) <= 1e-15 * max(1, abs($1)) })
        let (_, u8) = try NPYReader.read(fixture("tiny_u8.npy"))
        #expect(u8.map { Int($0) } == json["u8"] as! [Int])
        let d = try NPYReader.dataset(features: fixture("tiny_f32.npy"), labels: fixture("tiny_labels_i32.npy"), classes: 3)
        #expect(d.labels == json["labels"] as! [Int] && d.shape == [1, 2, 3])
        #expect { try NPYReader.dataset(features: fixture("tiny_f64.npy"), labels: fixture("tiny_labels.npy"), classes: 2) }
            throws: { "\($0)".contains("tiny_labels.npy") && "\($0)".contains("label 2") }
    }
}

/// Data sets made from user files, with default splits.
@Suite struct DatasetFileTests {
    @Test func csvFileBecomesASplitDataset() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-csv-\(getpid()).csv").path
        var text = "f0,f1,f2,f3,y\n"
        for i in 0..<40 { text += "\(i),\(i % 3),\(i % 5),1,\(i % 4)\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let d = try Dataset.csv(path, label: "y", shape: [1, 2, 2], seed: 2)
        #expect(d.classes == 4)
        #expect(d.valid.count == 6 && d.test.count == 6 && d.train.count == 28)
        #expect(d.shape.channels == 1 && d.shape.height == 2 && d.shape.width == 2)
    }
}

/// Data sets whose parts come from separate train, valid and test files.
@Suite struct DatasetSeparateFilesTests {
    private func csv(_ name: String, _ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-parts-\(getpid())-\(name)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func rows(_ range: Range<Int>, header: String = "a,b,y") -> String {
        header + "\n" + range.map { "\($0),\($0 * 2),\($0 % 3)\n" }.joined()
    }

    @Test func aTestFileIsTheWholeTestPartAndValidationIsDrawnFromTraining() throws {
        let train = try csv("train.csv", rows(0..<20)), test = try csv("test.csv", rows(100..<105))
        let d = try Dataset.files(.csv(label: "y", shape: nil), trainFile: DataFile(train), testFile: DataFile(test), seed: 3)
        #expect((d.train.count, d.valid.count, d.test.count, d.classes) == (17, 3, 5, 3))
        #expect(d.test.labels == [1, 2, 0, 1, 2])
        #expect(d.name == "\(train) (test: \(test))")
        let valid = try csv("valid.csv", rows(50..<54))
        let all = try Dataset.files(.csv(label: "y", shape: nil), trainFile: DataFile(train), validFile: DataFile(valid),
                                    testFile: DataFile(test))
        #expect((all.train.count, all.valid.count, all.test.count) == (20, 4, 5))
        #expect(all.valid.labels == [2, 0, 1, 2])
    }

    @Test func filesThatDisagreeWithTheTrainingFileAreNamed() throws {
        let train = try csv("train2.csv", rows(0..<20))
        let columns = try csv("columns.csv", rows(0..<5, header: "b,a,y"))
        #expect { try Dataset.files(.csv(label: "y", shape: nil), trainFile: DataFile(train), testFile: DataFile(columns)) }
            throws: { "\($0)".hasPrefix(columns) && "\($0)".contains("has the columns b, a, y, but the training file") }
        let labels = try csv("labels.csv", "a,b,y\n1,2,0\n3,4,3\n")
        #expect { try Dataset.files(.csv(label: "y", shape: nil), trainFile: DataFile(train), validFile: DataFile(labels)) }
            throws: { "\($0)".hasPrefix(labels) && "\($0)".contains("label 3 of sample 1 is outside 0..<3") }
        #expect(try Dataset.files(.csv(label: "y", shape: nil), trainFile: DataFile(train), validFile: DataFile(labels),
                                  classes: 4).classes == 4)
    }

    @Test func quotedFieldsCRLFAndAByteOrderMarkReadAsNumbers() throws {
        let path = try csv("excel.csv", "\u{FEFF}\"a\",\"b\",\"y\"\r\n\"1.5\",\"2\",\"0\"\r\n3,\"4\",1\r\n")
        let data = try CSVReader.dataset(path, label: "y", shape: nil)
        #expect(data.values == [1.5, 2, 3, 4] && data.labels == [0, 1])
    }
}

/// Bilinear resizing for networks that choose their own input resolution.
@Suite struct ResizeTests {
    @Test func bilinearResizeMatchesHandComputedValues() {
        // 2×2 → 4×4 with half-pixel centres: output pixel centres map to -0.25, 0.25, 0.75, 1.25,
        // clamped to [0, 1]; so rows/cols weigh the inputs 1, 0.75/0.25, 0.25/0.75, 1.
        let x = Tensor(shape: [1, 1, 2, 2], values: [0, 4, 8, 12])
        let y = BatchLoader.resized(x, height: 4, width: 4).values
        #expect(y[0] == 0 && y[3] == 4 && y[12] == 8 && y[15] == 12)
        #expect(y[1] == 1 && y[2] == 3)      // 0·0.75 + 4·0.25, 0·0.25 + 4·0.75
        #expect(y[4] == 2 && y[5] == 3)      // rows: 0·0.75 + 8·0.25; then 2 + 1
    }
}
