/// What a plot draws.
public enum PlotKind: String, Sendable, Hashable, CaseIterable {
    /// Lines through points in x order (best-so-far curves, learning curves), optionally with bands.
    case line
    /// Points (accuracy against latency), optionally with the Pareto front marked.
    case scatter
    /// Counts of a column's values in equal bins.
    case histogram
    /// One bar per row, labelled by a category column (a `group … summarize`).
    case bar
}
