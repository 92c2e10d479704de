/// The vector encodings of an architecture that predictors and Bayesian optimisation use.
public enum ArchitectureEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    /// One one-hot block per decision.
    case onehot
    /// The adjacency matrix of the cell, flattened, followed by op one-hots (cell spaces).
    case adjacency
    /// One indicator per input-to-output path of ops (BANANAS's path encoding).
    case path
}
