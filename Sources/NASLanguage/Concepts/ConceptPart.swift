/// The parts of the field a concept page belongs to, in the order the NAS survey teaches them.
///
/// Elsken, Metzen & Hutter (JMLR 2019) organise NAS by search space, search strategy and
/// performance estimation; hardware-aware and one-shot NAS follow, and results are how naslab
/// keeps and shows what a search found.
public enum ConceptPart: String, CaseIterable, Sendable {
    case searchSpaces = "search-spaces"
    case searchStrategies = "search-strategies"
    case performanceEstimation = "performance-estimation"
    case oneShot = "one-shot"
    case hardwareAware = "hardware-aware"
    case results = "results"

    /// The part's heading in `help concepts`.
    public var title: String {
        switch self {
        case .searchSpaces: return "Search spaces"
        case .searchStrategies: return "Search strategies"
        case .performanceEstimation: return "Performance estimation"
        case .oneShot: return "One-shot and gradient-based NAS"
        case .hardwareAware: return "Hardware-aware NAS"
        case .results: return "Results: runs, queries and plots"
        }
    }
}
