import NASSpaces

/// Latency as a linear function of the cost model: seconds ≈ a·MACs + b·bytes moved + c·kernels + d.
///
/// Fitted by ordinary least squares on measured (architecture, seconds) pairs of one space
/// (`LinearLeastSquares`, no penalty): a throughput for arithmetic, one for memory traffic, a
/// per-kernel overhead (launch, dispatch) and a fixed cost. This is the roofline-flavoured
/// baseline the FLOPs columns of HELP's and nn-Meter's tables stand for, with bytes and kernel
/// count added because small networks are seldom compute-bound. Deterministic: no seed.
public struct FLOPsLatencyModel: LatencyPredictor {
    /// The fitted coefficients on `[macs, bytes, kernels]` and the intercept.
    public let fit: LinearLeastSquares
    /// The space it was fitted on.
    public let space: String
    /// The input shape the networks were built at (nil: the space's default).
    public let input: TensorShape?

    /// Fits the model on `measured` architectures of `space`; needs at least 4 of them, not all alike.
    public init(fittedOn measured: [(architecture: Architecture, seconds: Double)], in space: any SearchSpace,
                input: TensorShape? = nil) throws {
        guard measured.count >= 4 else {
            throw HardwareError("the FLOPs model fits 4 coefficients and needs at least 4 measured architectures, got \(measured.count)")
        }
        let features = try measured.map { try CostFeatures($0.architecture, in: space, input: input).vector }
        self.fit = try LinearLeastSquares(features: features, targets: measured.map(\.seconds))
        self.space = space.name
        self.input = input
    }

    /// A model with given coefficients (seconds per MAC, per byte, per kernel, and fixed seconds).
    public init(secondsPerMAC: Double, secondsPerByte: Double, secondsPerKernel: Double, fixed: Double,
                space: String, input: TensorShape? = nil) {
        fit = LinearLeastSquares(weights: [secondsPerMAC, secondsPerByte, secondsPerKernel], intercept: fixed)
        self.space = space
        self.input = input
    }

    public var descriptor: String { "flops(\(space))" }
    public var supportedSpaces: Set<String> { [space] }

    /// The fitted latency of the architecture's network, in seconds.
    public func predict(_ architecture: Architecture, in space: any SearchSpace) throws -> Double {
        try PredictorSpace.check(architecture, space, against: self.space, predictor: descriptor)
        return fit.predict(try CostFeatures(architecture, in: space, input: input).vector)
    }
}
