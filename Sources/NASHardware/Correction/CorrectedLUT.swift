import NASSpaces

/// A latency table corrected with whole-network measurements (Zeng et al.), as a predictor.
///
/// Its entries are the blocks' in-context latencies `L_ctx(n, l)` and one `fixed` entry (see
/// `LUTCorrection`); `predict(a) = fixed + Σ_l L_ctx(n_l, l)`. It is saved, loaded and stored
/// like any latency table, and says how many whole networks were measured to build it.
public struct CorrectedLUT: LatencyPredictor {
    /// The table (kind `corrected`).
    public let lut: LatencyLUT

    /// Wraps a corrected table; a plain one is refused.
    public init(_ lut: LatencyLUT) throws {
        guard lut.metadata.kind == .corrected, lut.entries[LatencyLUT.fixedKey] != nil else {
            throw HardwareError("the latency table '\(lut.metadata.name)' is not a corrected table (no '\(LatencyLUT.fixedKey)' entry)")
        }
        self.lut = lut
    }

    /// The whole networks measured to build it.
    public var wholeNetworkMeasurements: Int { lut.metadata.wholeNetworkMeasurements }

    public var descriptor: String { "corrected-lut(\(lut.metadata.name), \(lut.metadata.method))" }
    public var supportedSpaces: Set<String> { [lut.metadata.space] }

    /// `fixed + Σ_l L_ctx(n_l, l)`; a block the table lacks is an error naming its key.
    public func predict(_ architecture: Architecture, in space: any SearchSpace) throws -> Double {
        try lut.predict(architecture, in: space)
    }
}
