import NASSpaces

/// Anything that predicts an architecture's latency on one device, in seconds.
///
/// A plain LUT sum, a corrected LUT, a FLOPs/bytes linear model, a learned predictor and a
/// few-shot device predictor all answer through this one interface, so `PredictionReport`
/// judges them the same way and `PredictedLatencyEvaluator` turns any of them into an evaluator.
public protocol LatencyPredictor: Sendable {
    /// A short description of the predictor and its settings (`lut-sum(fbnet, cpu-1t)`).
    var descriptor: String { get }
    /// The names of the spaces whose architectures it can predict (empty: any).
    var supportedSpaces: Set<String> { get }
    /// The predicted latency of `architecture` of `space`, in seconds.
    func predict(_ architecture: Architecture, in space: any SearchSpace) throws -> Double
}
