/// Whether a latency table holds standalone latencies or in-context latencies of a correction.
public enum LUTKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every part measured standalone: a prediction sums the parts' entries.
    case plain
    /// Blocks' in-context latencies from whole-network measurements (Zeng et al.) and one
    /// `fixed` entry for everything else: a prediction sums the blocks' entries and `fixed`.
    case corrected
}
