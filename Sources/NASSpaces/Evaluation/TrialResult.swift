/// What an evaluator says about one architecture at one fidelity.
///
/// Metric values are in base units (see `NASCore.MetricCatalogue`): accuracies as fractions,
/// times in seconds, memory in bytes. `accuracy` is the metric that searches optimise by
/// default (validation accuracy); `test_accuracy` is reported, never searched on.
///
/// A result with at most `MetricValues.inlineCapacity` metrics, no curve and no error holds no
/// reference at all, so copying one (a table lookup, a trial record) costs a few word copies.
/// Hot paths read metrics through `value(of:)` with a `MetricKey`; `metrics` is the same
/// content as a dictionary by name, for everything else.
public struct TrialResult: Sendable, Hashable, Codable {
    /// How the evaluation ended.
    public var status: TrialStatus
    /// The metrics, addressed by key.
    public var metricValues: MetricValues
    /// Seconds of simulated cost charged to the run's clock (a table's recorded training time).
    public var simulatedSeconds: Double
    /// Real seconds spent evaluating.
    public var wallSeconds: Double
    /// The curve and the error, when either is present (most table lookups have neither).
    private var extras: TrialExtras?

    /// Creates a result from metrics by name.
    public init(status: TrialStatus = .done, metrics: [String: Double], curve: [Double] = [],
                simulatedSeconds: Double = 0, wallSeconds: Double = 0, error: String? = nil) {
        self.init(status: status, metricValues: MetricValues(metrics), curve: curve, simulatedSeconds: simulatedSeconds,
                  wallSeconds: wallSeconds, error: error)
    }

    /// Creates a result from metrics by key.
    public init(status: TrialStatus = .done, metricValues: MetricValues, curve: [Double] = [],
                simulatedSeconds: Double = 0, wallSeconds: Double = 0, error: String? = nil) {
        self.status = status
        self.metricValues = metricValues
        self.simulatedSeconds = simulatedSeconds
        self.wallSeconds = wallSeconds
        extras = TrialExtras.make(curve: curve, error: error)
    }

    /// A failed trial with its reason.
    public static func failed(_ reason: String, wallSeconds: Double = 0) -> TrialResult {
        TrialResult(status: .failed, metricValues: MetricValues(), wallSeconds: wallSeconds, error: reason)
    }

    /// Named metrics (`accuracy`, `test_accuracy`, `loss`, `params`, `flops`, `latency`, `train_time`).
    public var metrics: [String: Double] {
        get { metricValues.dictionary }
        set { metricValues = MetricValues(newValue) }
    }

    /// The value of one metric, if present.
    @inlinable public func value(of key: MetricKey) -> Double? { metricValues.value(of: key) }

    /// The value of one metric by name, if present.
    public func value(of name: String) -> Double? { metricValues.value(of: name) }

    /// The validation accuracy after each epoch (empty for table lookups without a curve).
    public var curve: [Double] {
        get { extras?.curve ?? [] }
        set { extras = TrialExtras.make(curve: newValue, error: error) }
    }

    /// Why the trial failed, when it did (`loss became NaN at epoch 2`).
    public var error: String? {
        get { extras?.error }
        set { extras = TrialExtras.make(curve: curve, error: newValue) }
    }

    private enum CodingKeys: String, CodingKey { case status, metrics, curve, simulatedSeconds, wallSeconds, error }

    /// Reads the fields a result has always been written with (`metrics` as an object by name).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(status: try container.decode(TrialStatus.self, forKey: .status),
                  metrics: try container.decode([String: Double].self, forKey: .metrics),
                  curve: try container.decode([Double].self, forKey: .curve),
                  simulatedSeconds: try container.decode(Double.self, forKey: .simulatedSeconds),
                  wallSeconds: try container.decode(Double.self, forKey: .wallSeconds),
                  error: try container.decodeIfPresent(String.self, forKey: .error))
    }

    /// Writes the result with `metrics` as an object by name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(metrics, forKey: .metrics)
        try container.encode(curve, forKey: .curve)
        try container.encode(simulatedSeconds, forKey: .simulatedSeconds)
        try container.encode(wallSeconds, forKey: .wallSeconds)
        try container.encodeIfPresent(error, forKey: .error)
    }

    public static func == (a: TrialResult, b: TrialResult) -> Bool {
        a.status == b.status && a.metricValues == b.metricValues && a.simulatedSeconds == b.simulatedSeconds
            && a.wallSeconds == b.wallSeconds && a.curve == b.curve && a.error == b.error
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(status)
        hasher.combine(metricValues)
        hasher.combine(simulatedSeconds)
        hasher.combine(wallSeconds)
        hasher.combine(curve)
        hasher.combine(error)
    }
}

/// The parts of a result that need heap storage, kept apart so that results without them hold no reference.
final class TrialExtras: Sendable {
    /// The validation accuracy after each epoch.
    let curve: [Double]
    /// Why the trial failed.
    let error: String?

    private init(curve: [Double], error: String?) {
        self.curve = curve
        self.error = error
    }

    /// The extras of a curve and an error; nil when there is neither.
    static func make(curve: [Double], error: String?) -> TrialExtras? {
        curve.isEmpty && error == nil ? nil : TrialExtras(curve: curve, error: error)
    }
}
