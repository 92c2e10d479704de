/// How an NB201 evaluator turns the benchmark's several training runs into one value.
public enum NB201TrialChoice: String, Sendable, Hashable, CaseIterable, Codable {
    /// The mean over the runs (2 or 3 seeds): deterministic.
    case mean
    /// One run picked at random (seeded) per query: the noise a real training run has.
    ///
    /// Per-run values exist only for the 200-epoch validation accuracy; the other columns of the
    /// shipped tables are means over runs, so `random` is refused for them.
    case random

    /// Reads `mean` or `random`.
    public init(name: String) throws {
        switch name.lowercased() {
        case "mean": self = .mean
        case "random": self = .random
        default: throw BenchmarkError("the NB201 trial choice is 'mean' or 'random', not '\(name)'")
        }
    }
}
