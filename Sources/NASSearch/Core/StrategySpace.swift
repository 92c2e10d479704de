import NASSpaces

/// A strategy's space, held also by its concrete type when it is NB201's cell space.
///
/// A strategy samples and mutates through `any SearchSpace`, a witness call each. On the NB201
/// table a whole trial of evolution costs about as much as a few such calls, so the cell space is
/// kept as an `NB201Space` as well, and the evolution strategies call its (inlinable) sampling
/// and mutation directly; every other space goes through the protocol. The results are the same
/// either way (a test runs both paths with the same seeds).
struct StrategySpace {
    /// The space.
    let space: any SearchSpace
    /// The space as NB201's cell space, when it is one.
    let nb201: NB201Space?

    /// Holds `space`.
    init(_ space: any SearchSpace) {
        self.space = space
        nb201 = space as? NB201Space
    }
}
