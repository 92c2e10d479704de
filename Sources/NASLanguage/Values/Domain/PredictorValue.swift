import NASHardware

/// A latency predictor (a LUT sum, a corrected LUT, a FLOPs model, a learned or few-shot predictor) as a language value.
public struct PredictorValue: DomainValue {
    /// The wrapped predictor.
    public let predictor: any LatencyPredictor

    /// Wraps a predictor.
    public init(_ predictor: any LatencyPredictor) { self.predictor = predictor }

    /// The type name the user sees.
    public var typeName: String { "predictor" }

    /// One line: how the value prints.
    public var summary: String { "latency predictor \(predictor.descriptor)" }

    /// The field names, for completion and messages.
    public var memberNames: [String] { ["descriptor", "spaces"] }

    /// The field `name`, or nil when there is none.
    public func member(_ name: String) throws -> Value? {
        switch name {
        case "descriptor": return .string(predictor.descriptor)
        case "spaces": return .list(predictor.supportedSpaces.sorted().map { .string($0) })
        default: return nil
        }
    }
}
