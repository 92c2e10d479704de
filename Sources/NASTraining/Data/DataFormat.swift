/// How a data set's files are written: every file of one data set has the same format.
public enum DataFormat: Sendable, Hashable, Codable {
    /// A CSV with a header, numeric feature columns and the integer `label` column; `shape` gives
    /// the features their image shape (default: a flat vector).
    case csv(label: String, shape: [Int]?)
    /// An MNIST-format image file and its label file, gzipped or not; pixels scaled to [0, 1].
    case idx
    /// A `.npy` array of samples `[n, …]` and a `.npy` vector of labels; values divided by `scale`.
    case npy(scale: Double)
}
