import NASTensor

/// What one row of a supernet's choices runs in a forward pass: which candidates, and how they are weighted.
///
/// DARTS runs every candidate weighted by `softmax(α)`; SNAS by a relaxed Gumbel sample; GDAS one
/// sampled candidate with weight 1 whose gradient flows to α (straight-through); ProxylessNAS one
/// or two; an architecture of the space runs its own candidate alone, unweighted.
public struct PathGate {
    /// The candidates run, as option indices of the row.
    public var options: [Int]
    /// One weight per option of the row (a differentiable vector), or nil to sum the candidates run unweighted.
    public var weights: Tensor?

    /// Runs `options`, weighted by `weights` when given.
    public init(options: [Int], weights: Tensor? = nil) {
        self.options = options
        self.weights = weights
    }

    /// Runs the one option `option` as it is; nil: the row is off (a DARTS edge the cell does not use).
    public static func single(_ option: Int?) -> PathGate {
        PathGate(options: option.map { [$0] } ?? [])
    }
}
