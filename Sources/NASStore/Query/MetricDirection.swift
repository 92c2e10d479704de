/// Which way is better for a metric when nobody said.
public enum MetricDirection {
    /// Whether smaller values of the metric are better (losses, errors, latency, size, time).
    public static func prefersSmaller(_ metric: String) -> Bool {
        let n = metric.lowercased()
        let smallerWords = ["loss", "error", "latency", "params", "flops", "macs", "time", "memory", "energy", "bytes"]
        return smallerWords.contains { n.contains($0) }
    }
}
