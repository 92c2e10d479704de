import Foundation
import NASEngine
import NASTensor
import NASTraining
import Testing

/// The data-set facade: file sources split like the built-in ones, errors name the file or
/// suggest a name, and schedule settings in epochs become steps of the training part.
@Suite("Dataset catalogue")
struct DatasetCatalogueTests {
    /// A version-1.0 `.npy` file written from the format's specification (magic, version,
    /// little-endian header length, a Python-dict header padded to 64 bytes, then raw data).
    static func npy(descr: String, shape: [Int], body: Data) -> Data {
        let dims = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(dims), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var data = Data([0x93]) + Data("NUMPY".utf8) + Data([1, 0])
        data.append(contentsOf: [UInt8(header.utf8.count & 0xff), UInt8(header.utf8.count >> 8)])
        return data + Data(header.utf8) + body
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-datasets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("an NPY pair is split 70/15/15 and its classes come from the largest label")
    func npyPair() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let n = 20
        let features = (0..<(n * 4)).map { Float($0) }
        let labels = (0..<n).map { Int64($0 % 3) }
        let x = dir.appendingPathComponent("x.npy"), y = dir.appendingPathComponent("y.npy")
        try Self.npy(descr: "<f4", shape: [n, 1, 2, 2], body: features.withUnsafeBytes { Data($0) }).write(to: x)
        try Self.npy(descr: "<i8", shape: [n], body: labels.withUnsafeBytes { Data($0) }).write(to: y)
        let data = try DatasetCatalogue.npy(features: x.path, labels: y.path, classes: nil, split: .init(seed: 4))
        // 15% of 20 is 3 for validation and 3 for test; the other 14 train.
        #expect((data.train.count, data.valid.count, data.test.count) == (14, 3, 3))
        #expect(data.classes == 3)
        #expect((data.shape.channels, data.shape.height, data.shape.width) == (1, 2, 2))
        // Every label survives the shuffle: the parts together hold each class as often as the file.
        let all = data.train.labels + data.valid.labels + data.test.labels
        #expect((0..<3).map { c in all.filter { $0 == c }.count } == [7, 7, 6])
    }

    @Test("NPY train and test files: the test file is the whole test part; a missing labels file is named")
    func npyTestFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        func write(_ name: String, count n: Int) throws -> DataFile {
            let x = dir.appendingPathComponent("x_\(name).npy"), y = dir.appendingPathComponent("y_\(name).npy")
            let features = (0..<(n * 4)).map { Float($0) }, labels = (0..<n).map { Int64($0 % 3) }
            try Self.npy(descr: "<f4", shape: [n, 4], body: features.withUnsafeBytes { Data($0) }).write(to: x)
            try Self.npy(descr: "<i8", shape: [n], body: labels.withUnsafeBytes { Data($0) }).write(to: y)
            return DataFile(x.path, labels: y.path)
        }
        let train = try write("train", count: 20), test = try write("test", count: 7)
        let data = try DatasetCatalogue.files(.npy(scale: 1), train: train, test: test, classes: nil, split: .init(valid: 5))
        #expect((data.train.count, data.valid.count, data.test.count, data.classes) == (15, 5, 7, 3))
        let missing = DataFile(test.path, labels: dir.appendingPathComponent("none.npy").path)
        #expect(throws: DatasetError(unreadable: missing.labels!, "no such file")) {
            try DatasetCatalogue.files(.npy(scale: 1), train: train, test: missing, classes: nil, split: .init())
        }
    }

    @Test("a missing file is named, and an unknown built-in set gets a suggestion")
    func errors() {
        #expect(throws: DatasetError(unreadable: "no/such.csv", "no such file")) {
            try DatasetCatalogue.csv("no/such.csv", label: "y", shape: nil, classes: nil, split: .init())
        }
        do {
            _ = try DatasetCatalogue.builtin("mnist5", split: .init())
            Issue.record("an unknown name loaded")
        } catch let error as DatasetError {
            #expect(error.reason.contains("did you mean 'mnist5k'?"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("schedule settings in epochs become steps: 100 samples at batch 10 are 10 steps an epoch")
    func scheduleInSteps() throws {
        let data = try DatasetCatalogue.builtin("digits", split: .init(train: 100, valid: 10, test: 10))
        let step = DatasetCatalogue.schedule("step", data: data, batch: 10, stepEpochs: 2, gamma: 0.5, warmupEpochs: 1)
        #expect(step == .warmup(steps: 10, then: .step(every: 20, gamma: 0.5)))
        #expect(DatasetCatalogue.schedule("none", data: data, batch: 10, stepEpochs: 1, gamma: 1, warmupEpochs: 0) == .constant)
        #expect(DatasetCatalogue.schedule("linear", data: data, batch: 10, stepEpochs: 1, gamma: 1, warmupEpochs: 0) == nil)
    }

    @Test("a lower training fraction shows in the evaluator's descriptor, the cache key")
    func fractionInDescriptor() throws {
        let data = try DatasetCatalogue.builtin("digits", split: .init(train: 100, valid: 10, test: 10))
        let full = DatasetCatalogue.trainer(data, config: TrainingConfig())
        let half = DatasetCatalogue.trainer(data, config: TrainingConfig(), fraction: 0.5)
        #expect(half.dataset.train.count == 50)
        #expect(full.descriptor != half.descriptor)
        #expect(DatasetCatalogue.trainer(data, config: TrainingConfig(threads: 1)).descriptor != full.descriptor)
    }
}
