import Foundation
import NASCore
import NASSpaces
import NASTensor
import NASTraining

/// Loads the data sets and builds the training recipes the front ends name.
///
/// The built-in sets come from `NASTraining.BuiltinDatasets`; a user's files (CSV, IDX, NPY; a
/// training file with optional validation and test files) are read and split by
/// `NASTraining.Dataset.files`, so every source takes the same `train`, `valid`, `test` and `seed`
/// settings. Errors name the file, or the unknown set with a
/// "did you mean".
public enum DatasetCatalogue {
    /// The names `dataset("…")` accepts.
    public static var builtinNames: [String] { BuiltinDatasets.names }

    /// The optimiser names `train(optimizer: …)` accepts.
    public static let optimizerNames = ["sgd", "adam"]

    /// The schedule names `train(schedule: …)` accepts.
    public static let scheduleNames = ["cosine", "step", "none"]

    /// How many samples of each part to take; nil leaves the source's default.
    public struct Split: Sendable, Hashable {
        /// Training samples (default: what validation and test leave).
        public var train: Int?
        /// Validation samples (default: the built-in set's own, else 15%).
        public var valid: Int?
        /// Test samples (default: the separate test file, else 15%).
        public var test: Int?
        /// The seed of the shuffle that draws the parts.
        public var seed: UInt64

        /// Creates a split.
        public init(train: Int? = nil, valid: Int? = nil, test: Int? = nil, seed: UInt64 = 1) {
            self.train = train
            self.valid = valid
            self.test = test
            self.seed = seed
        }
    }

    /// A built-in set by name (`fashion-mnist`, `mnist5k`, `digits`).
    public static func builtin(_ name: String, split: Split, cancel: CancellationToken = CancellationToken()) throws -> Dataset {
        guard builtinNames.contains(name) else {
            throw DatasetError(file: name, "is not a built-in dataset\(Spelling.didYouMean(name, among: builtinNames)) "
                + "(known: \(builtinNames.joined(separator: ", ")))")
        }
        if name == "fashion-mnist" { try requireFashionMNIST() }
        return try BuiltinDatasets.load(name, train: split.train, valid: split.valid, test: split.test, seed: split.seed,
                                        cancel: cancel)
    }

    /// A data set from a user's files: the training file, and optionally separate validation and
    /// test files in the same format (`Dataset.files`); a part without a file is drawn from the
    /// training file, 15% unless `split` says otherwise.
    public static func files(_ format: DataFormat, train: DataFile, valid: DataFile? = nil, test: DataFile? = nil,
                             classes: Int?, split: Split) throws -> Dataset {
        for file in [train, valid, test].compactMap({ $0 }) {
            try requireFile(file.path)
            if let labels = file.labels { try requireFile(labels) }
        }
        return try Dataset.files(format, trainFile: train, validFile: valid, testFile: test, classes: classes,
                                 train: split.train, valid: split.valid, test: split.test, seed: split.seed)
    }

    /// A CSV file of numeric features and an integer `label` column; `shape` gives images their shape.
    public static func csv(_ path: String, label: String, shape: [Int]?, classes: Int?, split: Split) throws -> Dataset {
        try files(.csv(label: label, shape: shape), train: DataFile(path), classes: classes, split: split)
    }

    /// An IDX image file and its label file (the MNIST format), gzipped or not.
    public static func idx(images: String, labels: String, classes: Int?, split: Split) throws -> Dataset {
        try files(.idx, train: DataFile(images, labels: labels), classes: classes, split: split)
    }

    /// A `.npy` array of samples (`[n, …]`) and a `.npy` vector of integer labels.
    public static func npy(features: String, labels: String, classes: Int?, split: Split) throws -> Dataset {
        try files(.npy(scale: 1), train: DataFile(features, labels: labels), classes: classes, split: split)
    }

    /// The optimiser of a name in `optimizerNames`, or nil for an unknown name.
    public static func optimizer(_ name: String, momentum: Double, nesterov: Bool,
                                 weightDecay: Double) -> TrainingConfig.OptimizerKind? {
        switch name.lowercased() {
        case "sgd": return .sgd(momentum: momentum, nesterov: nesterov && momentum > 0, weightDecay: weightDecay)
        case "adam": return .adam(weightDecay: weightDecay)
        default: return nil
        }
    }

    /// The schedule of a name in `scheduleNames`, with its epoch settings turned into steps of
    /// `data`'s training part at `batch` samples per step; nil for an unknown name.
    ///
    /// `step` multiplies the rate by `gamma` every `stepEpochs` epochs; `warmupEpochs` ramps the
    /// rate up linearly first.
    public static func schedule(_ name: String, data: Dataset, batch: Int, stepEpochs: Int, gamma: Double,
                                warmupEpochs: Int) -> LearningRateSchedule? {
        let stepsPerEpoch = max(1, data.train.count / max(batch, 1))
        let inner: LearningRateSchedule
        switch name.lowercased() {
        case "cosine": inner = .cosine(minimum: 0)
        case "step": inner = .step(every: max(1, stepEpochs) * stepsPerEpoch, gamma: gamma)
        case "none", "constant": inner = .constant
        default: return nil
        }
        return warmupEpochs > 0 ? .warmup(steps: warmupEpochs * stepsPerEpoch, then: inner) : inner
    }

    /// The training evaluator of a data set and recipe; `fraction` < 1 trains on that share of
    /// the training part only (a lower fidelity that shows in the descriptor).
    public static func trainer(_ data: Dataset, config: TrainingConfig, fraction: Double = 1) -> TrainingEvaluator {
        TrainingEvaluator(dataset: data.withTrainingFraction(fraction), config: config)
    }

    /// Throws an error naming `path` when there is no file there.
    private static func requireFile(_ path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw DatasetError(unreadable: path, "no such file")
        }
    }

    /// Throws an error saying how to install Fashion-MNIST when its files are missing.
    private static func requireFashionMNIST() throws {
        let dir = BuiltinDatasets.fashionMNISTDirectory
        for file in ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
                     "t10k-labels-idx1-ubyte.gz"] where !FileManager.default.fileExists(atPath: "\(dir)/\(file)") {
            throw DatasetError(unreadable: "\(dir)/\(file)", "no such file (install the Debian package dataset-fashion-mnist, "
                + "as scripts/setup does)")
        }
    }
}
