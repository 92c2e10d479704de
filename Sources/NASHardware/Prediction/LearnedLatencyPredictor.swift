import NASSpaces

/// A latency predictor learned from measurements: ridge regression on the architecture's one-hot
/// block choices and its cost-model features.
///
/// Features: the space's one-hot encoding (one indicator per decision and option: for FBNet the
/// block at each of the 22 positions, for NB201 the operation on each of the 6 edges), followed
/// by MACs, bytes moved and kernels (`CostFeatures`). The target is latency in seconds. A model
/// linear in the one-hot blocks is a latency table learned from whole-network measurements (one
/// entry per block and position, fusion effects averaged in); the cost features let it share
/// what it learns between blocks of similar cost. The ridge penalty `lambda` (on features scaled
/// to unit spread) keeps the positions that few training architectures vary well defined.
///
/// On the shipped FBNet tables a denser model (a small MLP, tried while writing this) did not
/// beat the ridge fit from a few hundred architectures; where the ridge fit falls short of
/// τ = 0.9 it is the devices' measurement noise (phones with integer milliseconds, GPUs whose
/// whole range is a few percent) that limits it. Closed form, so fitting and predicting are
/// deterministic; no seed is needed.
public struct LearnedLatencyPredictor: LatencyPredictor {
    /// The fitted ridge model on `[one-hot…, macs, bytes, kernels]`.
    public let fit: LinearLeastSquares
    /// The space it was fitted on.
    public let space: String
    /// The input shape the networks were built at (nil: the space's default).
    public let input: TensorShape?
    /// The ridge strength used.
    public let lambda: Double

    /// Fits on `measured` architectures of `space` (at least 10) with ridge strength `lambda`.
    public init(fittedOn measured: [(architecture: Architecture, seconds: Double)], in space: any SearchSpace,
                input: TensorShape? = nil, lambda: Double = 1) throws {
        guard measured.count >= 10 else {
            throw HardwareError("the learned predictor needs at least 10 measured architectures, got \(measured.count)")
        }
        let features = try measured.map { try LearnedLatencyPredictor.features($0.architecture, in: space, input: input) }
        self.fit = try LinearLeastSquares(features: features, targets: measured.map(\.seconds), lambda: lambda)
        self.space = space.name
        self.input = input
        self.lambda = lambda
    }

    public var descriptor: String { "learned(\(space))" }
    public var supportedSpaces: Set<String> { [space] }

    /// The predicted latency of the architecture, in seconds.
    public func predict(_ architecture: Architecture, in space: any SearchSpace) throws -> Double {
        try PredictorSpace.check(architecture, space, against: self.space, predictor: descriptor)
        return fit.predict(try LearnedLatencyPredictor.features(architecture, in: space, input: input))
    }

    /// The one-hot block choices followed by the cost features.
    static func features(_ architecture: Architecture, in space: any SearchSpace, input: TensorShape?) throws -> [Double] {
        try space.encode(architecture, as: .onehot) + CostFeatures(architecture, in: space, input: input).vector
    }
}
