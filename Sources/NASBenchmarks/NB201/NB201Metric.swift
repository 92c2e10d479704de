/// Which accuracy of the table an NB201 evaluator reports as `accuracy`.
public enum NB201Metric: String, Sendable, Hashable, CaseIterable, Codable {
    /// Validation accuracy: what a search should optimise.
    case valid
    /// Test accuracy: for reporting; optimising it leaks the test set.
    case test

    /// Reads `valid` (also `validation`, `val`) or `test`.
    public init(name: String) throws {
        switch name.lowercased() {
        case "valid", "validation", "val": self = .valid
        case "test": self = .test
        default: throw BenchmarkError("the NB201 metric is 'valid' or 'test', not '\(name)'")
        }
    }
}
