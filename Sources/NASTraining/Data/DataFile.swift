/// One file of a data set as the user names it: the samples, and for IDX and NPY the separate
/// file of their labels.
public struct DataFile: Sendable, Hashable, Codable {
    /// The samples (CSV: the whole table, labels included).
    public var path: String
    /// IDX and NPY: the labels file; nil for CSV.
    public var labels: String?

    /// Names a file and, for IDX and NPY, its labels file.
    public init(_ path: String, labels: String? = nil) {
        self.path = path
        self.labels = labels
    }
}
