/// Images (or feature vectors) with integer class labels, stored as one flat Float32 array.
public struct LabeledData: Sendable, Hashable {
    /// The shape of one sample.
    public var shape: [Int]
    /// All samples, each `shape.reduce(1, *)` values, one after another.
    public var values: [Float]
    /// One label per sample, in `0..<classes`.
    public var labels: [Int]

    /// Creates a set; `values.count` must be `labels.count × elements per sample`.
    public init(shape: [Int], values: [Float], labels: [Int]) {
        self.shape = shape
        self.values = values
        self.labels = labels
    }

    /// The number of samples.
    public var count: Int { labels.count }
    /// Values per sample.
    public var sampleSize: Int { shape.reduce(1, *) }

    /// The samples at `indices`, in that order.
    public func subset(_ indices: some Sequence<Int>) -> LabeledData {
        let size = sampleSize
        var v: [Float] = []
        var l: [Int] = []
        for i in indices {
            v.append(contentsOf: values[(i * size)..<((i + 1) * size)])
            l.append(labels[i])
        }
        return LabeledData(shape: shape, values: v, labels: l)
    }

    /// Checks that sizes agree and every label lies in `0..<classes`; `file` names the source.
    public func validate(classes: Int, file: String) throws {
        guard values.count == labels.count * sampleSize else {
            throw DatasetError(file: file, "\(values.count) values do not make \(labels.count) samples of shape \(shape)")
        }
        if let (i, bad) = labels.enumerated().first(where: { $0.element < 0 || $0.element >= classes }) {
            throw DatasetError(file: file, "label \(bad) of sample \(i) is outside 0..<\(classes)")
        }
    }
}
