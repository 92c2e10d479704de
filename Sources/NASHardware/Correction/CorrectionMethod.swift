/// Which of Zeng et al.'s two corrections of a latency table to run.
public enum CorrectionMethod: Sendable, Hashable {
    /// Method 1: blocks' in-context latencies inside one reference specified network, of this block type.
    case single(reference: String)
    /// Method 2: method 1 inside every specified network of the space, averaged.
    case averaged

    /// `method 1 (k3_e6)` or `method 2`.
    public var description: String {
        switch self {
        case .single(let reference): return "method 1 (\(reference))"
        case .averaged: return "method 2"
        }
    }
}
