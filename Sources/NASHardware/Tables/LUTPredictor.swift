import NASSpaces

/// A latency table as a predictor: an architecture's latency is the sum of its parts' entries.
///
/// For a plain table that is the classic LUT sum (FBNet, ProxylessNAS): Σ over the stem, the
/// blocks and the head of their standalone latencies. A corrected table predicts through
/// `CorrectedLUT`, whose entries are in-context latencies.
public struct LUTPredictor: LatencyPredictor {
    /// The table summed.
    public let lut: LatencyLUT

    /// A predictor summing `lut`'s entries.
    public init(_ lut: LatencyLUT) { self.lut = lut }

    public var descriptor: String { "lut-sum(\(lut.metadata.name))" }
    public var supportedSpaces: Set<String> { [lut.metadata.space] }

    /// Σ of the architecture's parts' entries; a part the table lacks is an error naming its key.
    public func predict(_ architecture: Architecture, in space: any SearchSpace) throws -> Double {
        try lut.predict(architecture, in: space)
    }
}
