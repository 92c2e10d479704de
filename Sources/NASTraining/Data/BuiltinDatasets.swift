import Foundation
import NASCore
import Synchronization

/// The data sets naslab knows by name: Fashion-MNIST from the Debian package
/// `dataset-fashion-mnist`, and two small sets shipped in this module's resources.
public enum BuiltinDatasets {
    /// Where `apt-get install dataset-fashion-mnist` puts the files.
    public static let fashionMNISTDirectory = "/usr/share/datasets/fashion-mnist"

    /// The names `dataset(...)` accepts.
    public static let names = ["fashion-mnist", "mnist5k", "digits"]

    /// Fashion-MNIST's decoded training pool and test set, read once per process.
    private static let fashionMNIST = Mutex<(pool: LabeledData, test: LabeledData)?>(nil)

    /// Loads a built-in set; `train` defaults to everything not used for validation (and test). Reading
    /// Fashion-MNIST takes about a second the first time; `cancel` stops the wait at once.
    public static func load(_ name: String, train: Int? = nil, valid: Int? = nil, test: Int? = nil,
                            seed: UInt64 = 1, cancel: CancellationToken = CancellationToken()) throws -> Dataset {
        switch name {
        case "fashion-mnist":
            let (pool, testSet) = try cancel.waiting { try fashionMNISTFiles() }
            return try Dataset(name: name, pool: pool, testSet: testSet, classes: 10, train: train,
                               valid: valid ?? 10_000, test: test, seed: seed)
        case "mnist5k":
            let pool = try IDXReader.dataset(images: try resource("mnist5k-images-idx3-ubyte.gz"),
                                             labels: try resource("mnist5k-labels-idx1-ubyte.gz"), classes: 10)
            return try Dataset(name: name, pool: pool, testSet: nil, classes: 10, train: train, valid: valid ?? 750,
                               test: test ?? 750, seed: seed)
        case "digits":
            var pool = try CSVReader.dataset(try resource("sklearn_digits_8x8.csv.gz"), label: "label",
                                             shape: [1, 8, 8], classes: 10)
            pool.values = pool.values.map { $0 / 16 }
            return try Dataset(name: name, pool: pool, testSet: nil, classes: 10, train: train, valid: valid ?? 270,
                               test: test ?? 270, seed: seed)
        default:
            throw DatasetError(file: name, "is not a built-in dataset (known: \(names.joined(separator: ", ")))")
        }
    }

    /// Fashion-MNIST's training pool and test set, decoded on first use.
    private static func fashionMNISTFiles() throws -> (LabeledData, LabeledData) {
        if let loaded = fashionMNIST.withLock({ $0 }) { return loaded }
        let dir = fashionMNISTDirectory
        let pool = try IDXReader.dataset(images: "\(dir)/train-images-idx3-ubyte.gz",
                                         labels: "\(dir)/train-labels-idx1-ubyte.gz", classes: 10)
        let testSet = try IDXReader.dataset(images: "\(dir)/t10k-images-idx3-ubyte.gz",
                                            labels: "\(dir)/t10k-labels-idx1-ubyte.gz", classes: 10)
        fashionMNIST.withLock { $0 = (pool, testSet) }
        return (pool, testSet)
    }

    /// The path of a file shipped in `Resources`.
    static func resource(_ file: String) throws -> String {
        guard let url = Bundle.module.url(forResource: file, withExtension: nil, subdirectory: "Resources") else {
            throw DatasetError(file: file, "is missing from naslab's resources")
        }
        return url.path
    }
}
