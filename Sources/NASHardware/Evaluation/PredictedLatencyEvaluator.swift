import NASCore
import NASSpaces

/// Evaluates an architecture's latency with a predictor: a LUT sum, a corrected LUT, a fitted or few-shot model.
///
/// Reports `latency` in seconds, costs no measurement, and lets a search use any predictor in
/// its objective or constraints (`launch(…, using: [train(…), c2], constraints: ["latency < 1ms"])`).
public struct PredictedLatencyEvaluator: Evaluator {
    /// The predictor asked.
    public let predictor: any LatencyPredictor

    /// An evaluator over `predictor`.
    public init(_ predictor: any LatencyPredictor) { self.predictor = predictor }

    public var descriptor: String { "predicted-latency(\(predictor.descriptor))" }
    public var supportedSpaces: Set<String> { predictor.supportedSpaces }
    public var maxEpochs: Int? { nil }

    /// The predicted latency; an architecture the predictor cannot price (a block missing from its table) is a failed trial.
    public func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity,
                         seed: UInt64, cancel: CancellationToken) throws -> TrialResult {
        do {
            return TrialResult(metrics: ["latency": try predictor.predict(architecture, in: space)])
        } catch let error as HardwareError {
            return .failed(error.description)
        }
    }
}
