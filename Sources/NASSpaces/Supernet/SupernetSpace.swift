/// A space with a weight-sharing supernet: every architecture is a choice of paths through one network.
///
/// One-shot methods train the supernet's weights (and, for gradient-based ones, one row of
/// architecture weights per decision), derive an architecture by the space's published rule, and
/// evaluate any architecture with the inherited weights by running its own paths.
public protocol SupernetSpace: SearchSpace {
    /// The supernet for an input shape and class count.
    func supernet(input: TensorShape, classes: Int) throws -> SupernetSpec
    /// The option an architecture takes on each row of the supernet, or nil where the row is off
    /// (a DARTS edge that the cell does not use).
    func selection(of architecture: Architecture) throws -> [Int?]
    /// The architecture that the space's published rule derives from each row's mixing weights
    /// (`softmax(α)`, one array per row, in the rows' option order).
    func derive(from weights: [[Double]]) throws -> Architecture
}
