import Foundation
import NASCore
import NASSpaces

/// A latency predictor learned from measurements: the FLOPs model's cost features plus ridge-
/// penalised one-hot block choices, with the penalty chosen by cross-validation.
///
/// Features: the space's one-hot encoding (one indicator per decision and option: for FBNet the
/// block at each of the 22 positions, for NB201 the operation on each of the 6 edges) of the
/// architecture pruned of dead choices (`SearchSpace.pruned`: NB201's edges into a node that
/// feeds no path to the output count as `none`, as the plans drop them), followed by MACs, bytes
/// moved and kernels (`CostFeatures`). The target is latency in seconds. Only the
/// one-hot weights are penalised (ridge, on features scaled to unit spread): with a large
/// penalty the model is the FLOPs model, with a small one a latency table learned from
/// whole-network measurements (one entry per block and position, fusion effects averaged in).
/// The penalty is picked from `LearnedLatencyPredictor.lambdas` by 5-fold cross-validation on
/// the training architectures (folds from a seeded shuffle), so that noisy devices (phones with
/// integer milliseconds) fall back towards the cost model and clean ones get the full table.
///
/// On the shipped FBNet tables a denser model (a small PyTorch MLP on the one-hot encoding, tried
/// while writing this) did not beat a ridge fit from 300 architectures. Where this fit falls short
/// of τ = 0.9 (phones with integer-millisecond latencies, GPUs whose whole range is a few percent)
/// measurement noise limits it: the same fit from 2,000 architectures stays below 0.65 on pixel2.
/// Closed form: fitting and predicting are deterministic given the seed of the folds.
public struct LearnedLatencyPredictor: LatencyPredictor {
    /// The fitted ridge model on `[one-hot…, macs, bytes, kernels]`.
    public let fit: LinearLeastSquares
    /// The space it was fitted on.
    public let space: String
    /// The input shape the networks were built at (nil: the space's default).
    public let input: TensorShape?
    /// The ridge strength chosen.
    public let lambda: Double

    /// The penalties cross-validation chooses among.
    public static let lambdas = [0.01, 0.1, 1, 10, 100, 1000, 10000]

    /// Fits on `measured` architectures of `space` (at least 10), the penalty chosen by
    /// cross-validation with folds drawn from `seed` (or fixed to `lambda` when given).
    public init(fittedOn measured: [(architecture: Architecture, seconds: Double)], in space: any SearchSpace,
                input: TensorShape? = nil, lambda: Double? = nil, seed: UInt64 = 0) throws {
        guard measured.count >= 10 else {
            throw HardwareError("the learned predictor needs at least 10 measured architectures, got \(measured.count)")
        }
        let features = try measured.map { try LearnedLatencyPredictor.features($0.architecture, in: space, input: input) }
        let targets = measured.map(\.seconds)
        let penalties = [Double](repeating: 1, count: features[0].count - 3) + [0, 0, 0]
        let chosen = try lambda ?? LearnedLatencyPredictor.crossValidated(features, targets, penalties: penalties, seed: seed)
        self.fit = try LinearLeastSquares(features: features, targets: targets, lambda: chosen, penalties: penalties)
        self.space = space.name
        self.input = input
        self.lambda = chosen
    }

    /// The penalty of `lambdas` with the least squared error over 5 folds.
    static func crossValidated(_ features: [[Double]], _ targets: [Double], penalties: [Double], seed: UInt64) throws -> Double {
        var rng = SeededRandom(seed: seed)
        let fold = Array(features.indices.shuffled(using: &rng).enumerated().sorted { $0.element < $1.element }.map { $0.offset % 5 })
        var best = (lambda: lambdas[0], error: Double.infinity)
        for lambda in lambdas {
            var error = 0.0
            for k in 0..<5 {
                let train = features.indices.filter { fold[$0] != k }, test = features.indices.filter { fold[$0] == k }
                guard let fit = try? LinearLeastSquares(features: train.map { features[$0] }, targets: train.map { targets[$0] },
                                                        lambda: lambda, penalties: penalties) else { error = .infinity; break }
                error += test.reduce(0) { $0 + pow(fit.predict(features[$1]) - targets[$1], 2) }
            }
            if error < best.error { best = (lambda, error) }
        }
        return best.lambda
    }

    public var descriptor: String { "learned(\(space))" }
    public var supportedSpaces: Set<String> { [space] }

    /// The predicted latency of the architecture, in seconds.
    public func predict(_ architecture: Architecture, in space: any SearchSpace) throws -> Double {
        try PredictorSpace.check(architecture, space, against: self.space, predictor: descriptor)
        return fit.predict(try LearnedLatencyPredictor.features(architecture, in: space, input: input))
    }

    /// The one-hot of the pruned architecture's choices followed by the cost features.
    static func features(_ architecture: Architecture, in space: any SearchSpace, input: TensorShape?) throws -> [Double] {
        try space.encode(space.pruned(architecture), as: .onehot) + CostFeatures(architecture, in: space, input: input).vector
    }
}
