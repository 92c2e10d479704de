extension Dataset {
    /// The split sizes for a set of `n` samples without a separate test file: 15% validation and
    /// 15% test unless given.
    static func defaultSplit(_ n: Int, valid: Int?, test: Int?) -> (valid: Int, test: Int) {
        (valid ?? n * 15 / 100, test ?? n * 15 / 100)
    }

    /// A data set from a CSV file (features and a label column; `shape` gives images their shape).
    ///
    /// `classes` defaults to the largest label + 1; labels outside `0..<classes` are an error
    /// naming the file.
    public static func csv(_ path: String, label: String, shape: [Int]? = nil, classes: Int? = nil,
                           valid: Int? = nil, test: Int? = nil, seed: UInt64 = 1) throws -> Dataset {
        let pool = try CSVReader.dataset(path, label: label, shape: shape, classes: classes)
        let k = classes ?? ((pool.labels.max() ?? 0) + 1)
        let split = defaultSplit(pool.count, valid: valid, test: test)
        return try Dataset(name: path, pool: pool, testSet: nil, classes: k, train: nil, valid: split.valid,
                           test: split.test, seed: seed)
    }

    /// A data set from an IDX image file and its label file (gzipped or not).
    public static func idx(images: String, labels: String, classes: Int = 10, valid: Int? = nil, test: Int? = nil,
                           seed: UInt64 = 1) throws -> Dataset {
        let pool = try IDXReader.dataset(images: images, labels: labels, classes: classes)
        let split = defaultSplit(pool.count, valid: valid, test: test)
        return try Dataset(name: images, pool: pool, testSet: nil, classes: classes, train: nil, valid: split.valid,
                           test: split.test, seed: seed)
    }

    /// A data set from a `.npy` array of samples (`[n, ...]`) and a `.npy` vector of labels.
    public static func npy(features: String, labels: String, classes: Int, scale: Double = 1, valid: Int? = nil,
                           test: Int? = nil, seed: UInt64 = 1) throws -> Dataset {
        let pool = try NPYReader.dataset(features: features, labels: labels, classes: classes, scale: scale)
        let split = defaultSplit(pool.count, valid: valid, test: test)
        return try Dataset(name: features, pool: pool, testSet: nil, classes: classes, train: nil, valid: split.valid,
                           test: split.test, seed: seed)
    }
}
