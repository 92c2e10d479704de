/// What an evaluator says about one architecture at one fidelity.
///
/// Metric values are in base units (see `NASCore.MetricCatalog`): accuracies as fractions,
/// times in seconds, memory in bytes. `accuracy` is the metric that searches optimise by
/// default (validation accuracy); `test_accuracy` is reported, never searched on.
public struct TrialResult: Sendable, Hashable, Codable {
    /// How the evaluation ended.
    public var status: TrialStatus
    /// Named metrics (`accuracy`, `test_accuracy`, `loss`, `params`, `flops`, `latency`, `train_time`).
    public var metrics: [String: Double]
    /// The validation accuracy after each epoch (empty for table lookups without a curve).
    public var curve: [Double]
    /// Seconds of simulated cost charged to the run's clock (a table's recorded training time).
    public var simulatedSeconds: Double
    /// Real seconds spent evaluating.
    public var wallSeconds: Double
    /// Why the trial failed, when it did (`loss became NaN at epoch 2`).
    public var error: String?

    /// Creates a result.
    public init(status: TrialStatus = .done, metrics: [String: Double], curve: [Double] = [],
                simulatedSeconds: Double = 0, wallSeconds: Double = 0, error: String? = nil) {
        self.status = status
        self.metrics = metrics
        self.curve = curve
        self.simulatedSeconds = simulatedSeconds
        self.wallSeconds = wallSeconds
        self.error = error
    }

    /// A failed trial with its reason.
    public static func failed(_ reason: String, wallSeconds: Double = 0) -> TrialResult {
        TrialResult(status: .failed, metrics: [:], wallSeconds: wallSeconds, error: reason)
    }
}
