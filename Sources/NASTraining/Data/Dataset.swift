import NASCore
import NASSpaces

/// A classification data set split into train, validation and test parts, normalised per
/// channel with statistics of the training part.
public struct Dataset: Sendable, Hashable, CustomStringConvertible {
    /// A name for tables and cache keys (`fashion-mnist`).
    public var name: String
    /// The shape of one sample (a feature vector is `features × 1 × 1`).
    public var shape: TensorShape
    /// The number of classes.
    public var classes: Int
    /// The training part.
    public var train: LabeledData
    /// The validation part (what searches optimise).
    public var valid: LabeledData
    /// The held-out test part.
    public var test: LabeledData
    /// The seed that drew the splits.
    public var seed: UInt64
    /// The files and split it was read from (nil for a built-in or generated set).
    public var origin: DataOrigin?

    /// Splits `pool` by a seeded shuffle into `train` and `valid` samples (`valid` only when no
    /// separate validation set is given, and `test` only when no separate test set is), then
    /// normalises every part with the training statistics. A separate test set is cut to `test`
    /// samples when that is given.
    public init(name: String, pool: LabeledData, validSet: LabeledData? = nil, testSet: LabeledData?, classes: Int,
                train: Int?, valid: Int, test: Int?, seed: UInt64, normalize: Bool = true) throws {
        var rng = SeededRandom(seed: seed)
        let order = SeededShuffle.permutation(pool.count, using: &rng)
        let drawValid = validSet == nil ? valid : 0
        let needTest = testSet == nil ? (test ?? 0) : 0
        let trainCount = train ?? (pool.count - drawValid - needTest)
        guard trainCount > 0, drawValid >= 0, trainCount + drawValid + needTest <= pool.count else {
            throw DatasetError(file: name, "cannot take \(trainCount) train + \(drawValid) valid + \(needTest) test "
                + "samples from \(pool.count)")
        }
        self.name = name
        self.classes = classes
        self.seed = seed
        self.shape = Dataset.tensorShape(pool.shape)
        self.train = pool.subset(order[0..<trainCount])
        self.valid = validSet ?? pool.subset(order[trainCount..<(trainCount + drawValid)])
        if let t = testSet {
            self.test = test.map { t.subset(0..<min($0, t.count)) } ?? t
        } else {
            self.test = pool.subset(order[(trainCount + drawValid)..<(trainCount + drawValid + needTest)])
        }
        if normalize { normalizeByTrainingStatistics() }
    }

    /// The name, shape, classes and split sizes.
    public var description: String {
        "dataset \(name): \(shape), \(classes) classes, \(train.count) train / \(valid.count) valid / \(test.count) test"
    }

    /// A sample shape as channels × height × width.
    static func tensorShape(_ s: [Int]) -> TensorShape {
        switch s.count {
        case 1: return TensorShape(channels: s[0], height: 1, width: 1)
        case 2: return TensorShape(channels: 1, height: s[0], width: s[1])
        default: return TensorShape(channels: s[0], height: s[1], width: s[2])
        }
    }

    /// Subtracts the per-channel training mean and divides by the training standard deviation.
    private mutating func normalizeByTrainingStatistics() {
        let c = shape.channels, plane = shape.height * shape.width
        var mean = [Double](repeating: 0, count: c), square = [Double](repeating: 0, count: c)
        for (i, v) in train.values.enumerated() {
            let ch = (i / plane) % c
            mean[ch] += Double(v)
            square[ch] += Double(v) * Double(v)
        }
        let n = Double(max(train.count * plane, 1))
        let std = (0..<c).map { ch in max((square[ch] / n - (mean[ch] / n) * (mean[ch] / n)).squareRoot(), 1e-8) }
        let mu = mean.map { $0 / n }
        func apply(_ part: inout LabeledData) {
            for i in part.values.indices {
                let ch = (i / plane) % c
                part.values[i] = Float((Double(part.values[i]) - mu[ch]) / std[ch])
            }
        }
        apply(&train)
        apply(&valid)
        apply(&test)
    }

    /// A copy whose training part keeps only the first `fraction` of its samples (lower fidelity).
    public func withTrainingFraction(_ fraction: Double) -> Dataset {
        guard fraction < 1 else { return self }
        var copy = self
        copy.train = train.subset(0..<max(1, Int((Double(train.count) * fraction).rounded())))
        return copy
    }
}
