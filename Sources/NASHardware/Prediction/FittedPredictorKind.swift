import NASSpaces

/// The predictors fitted on measured architectures of a space, by the name the language uses.
public enum FittedPredictorKind: String, Sendable, CaseIterable {
    /// `FLOPsLatencyModel`: least squares on MACs, bytes moved and kernels.
    case flops
    /// `LearnedLatencyPredictor`: ridge regression on one-hot blocks and cost features.
    case learned

    /// The kind called `name`; an unknown name is an error that lists the kinds.
    public init(named name: String) throws {
        guard let kind = FittedPredictorKind(rawValue: name.lowercased()) else {
            throw HardwareError("there is no predictor kind '\(name)'; the kinds are "
                + FittedPredictorKind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
        }
        self = kind
    }

    /// Fits a predictor of this kind on `measured` architectures of `space`.
    public func fit(_ measured: [(architecture: Architecture, seconds: Double)], in space: any SearchSpace,
                    input: TensorShape? = nil) throws -> any LatencyPredictor {
        switch self {
        case .flops: return try FLOPsLatencyModel(fittedOn: measured, in: space, input: input)
        case .learned: return try LearnedLatencyPredictor(fittedOn: measured, in: space, input: input)
        }
    }
}
