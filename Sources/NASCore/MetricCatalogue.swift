/// The units of the metrics that evaluators report, in one place.
///
/// Internally every metric is a `Double` in base units: accuracies as fractions in [0, 1],
/// times in seconds, memory in bytes, parameters and FLOPs as plain counts. This catalogue
/// says how each one becomes a `Quantity` for the language and tables.
public enum MetricCatalogue {
    /// The standard metric names, in the order outputs show them (records, tables, trial columns).
    ///
    /// `MetricKey` gives these names fixed keys in this order; other metrics follow them, sorted.
    public static let standardNames = ["accuracy", "valid_accuracy", "test_accuracy", "loss", "params", "flops", "macs",
                                       "latency", "train_time"]

    /// `names` in output order: the standard ones first in their order, then the others sorted.
    public static func ordered(_ names: some Collection<String>) -> [String] {
        standardNames.filter(names.contains) + names.filter { !standardNames.contains($0) }.sorted()
    }

    /// The quantity for a metric value, using the metric's name to pick its unit.
    public static func quantity(_ name: String, _ value: Double) -> Quantity {
        let n = name.lowercased()
        if n.contains("accuracy") || n.hasSuffix("_acc") || n == "acc" || n.hasPrefix("top1") {
            return .fraction(value)
        }
        if n == "cv" || n.hasSuffix("_cv") {  // a coefficient of variation, shown as a percentage
            return .fraction(value)
        }
        if n.contains("latency") || n.hasSuffix("time") || n.hasSuffix("_s") || n == "runtime" {
            return .seconds(value)
        }
        if n.contains("memory") || n.hasSuffix("bytes") {
            return .bytes(value)
        }
        if n == "params" || n == "flops" || n == "macs" || n.hasSuffix("_params") {
            return Quantity(value, hint: .count)
        }
        return .scalar(value)
    }
}
