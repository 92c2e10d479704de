import NASCore

/// A space with a weight-sharing supernet: every architecture is a choice of paths through one network.
///
/// One-shot methods train the supernet's weights (and, for gradient-based ones, one row of
/// architecture weights per decision), derive an architecture by the space's published rule, and
/// evaluate any architecture with the inherited weights by running its own paths.
///
/// A supernet may hold only a slice of its space (the segment space's: one frame's widths, depths,
/// skips and activation, see `SegmentSpace+Supernet`). Methods then draw architectures with
/// `sampleInSupernet` and a controller proposes them in `controlSpace`; for a space whose supernet
/// holds every architecture both default to the space's own sampling and decisions.
public protocol SupernetSpace: SearchSpace {
    /// The supernet for an input shape and class count.
    func supernet(input: TensorShape, classes: Int) throws -> SupernetSpec
    /// The option an architecture takes on each row of the supernet, or nil where the row is off
    /// (a DARTS edge that the cell does not use); throws a `SpaceError` for an architecture the
    /// supernet does not hold.
    func selection(of architecture: Architecture) throws -> [Int?]
    /// The architecture that the space's published rule derives from each row's mixing weights
    /// (`softmax(α)`, one array per row, in the rows' option order).
    func derive(from weights: [[Double]]) throws -> Architecture
    /// An architecture drawn uniformly from those the supernet holds (default: `sample(using:)`).
    func sampleInSupernet(using rng: inout SeededRandom) -> Architecture
    /// The space a controller (ENAS) searches to propose the supernet's architectures: the space
    /// itself by default; one decision per row where the supernet holds a slice.
    var controlSpace: any SearchSpace { get }
    /// The architecture of this space that a member of `controlSpace` stands for (default: the member itself).
    func architecture(fromControl member: Architecture) throws -> Architecture
}

extension SupernetSpace {
    public func sampleInSupernet(using rng: inout SeededRandom) -> Architecture { sample(using: &rng) }

    public var controlSpace: any SearchSpace { self }

    public func architecture(fromControl member: Architecture) throws -> Architecture {
        try validate(member)
        return member
    }
}
