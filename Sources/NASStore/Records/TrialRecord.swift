import NASSpaces

/// One evaluation of one architecture within a run, as the store keeps it.
public struct TrialRecord: Sendable, Hashable {
    /// The store's id for the trial (0 before it is recorded).
    public var id: Int64
    /// The run it belongs to.
    public var runID: Int64
    /// Its place in the run, from 1, without gaps among finished trials.
    public var sequence: Int
    /// The architecture's canonical text form.
    public var architecture: String
    /// The architecture's identity (equal for isomorphic architectures).
    public var identity: String
    /// The architecture's tokens.
    public var tokens: [Int]
    /// The effort spent evaluating it.
    public var fidelity: Fidelity
    /// The seed the evaluator was given.
    public var seed: UInt64
    /// Where the trial stands.
    public var status: TrialStatus
    /// Every metric, in base units.
    public var metrics: [String: Double]
    /// The validation accuracy after each epoch.
    public var curve: [Double]
    /// Real seconds spent evaluating (0 when the result came from the cache).
    public var wallSeconds: Double
    /// Simulated seconds charged to the run.
    public var simulatedSeconds: Double
    /// Why the trial failed or stopped.
    public var error: String?
    /// What the objective made of the metrics (nil until finished).
    public var score: Double?
    /// The content address of the work (see `ResultCacheKey`).
    public var cacheKey: String
    /// Whether the result was reused from an identical earlier evaluation.
    public var cached: Bool

    /// Creates a trial about to be evaluated (status `running`, no metrics).
    public init(id: Int64 = 0, runID: Int64, sequence: Int, architecture: String, identity: String,
                tokens: [Int], fidelity: Fidelity, seed: UInt64, status: TrialStatus = .running,
                metrics: [String: Double] = [:], curve: [Double] = [], wallSeconds: Double = 0,
                simulatedSeconds: Double = 0, error: String? = nil, score: Double? = nil,
                cacheKey: String, cached: Bool = false) {
        self.id = id
        self.runID = runID
        self.sequence = sequence
        self.architecture = architecture
        self.identity = identity
        self.tokens = tokens
        self.fidelity = fidelity
        self.seed = seed
        self.status = status
        self.metrics = metrics
        self.curve = curve
        self.wallSeconds = wallSeconds
        self.simulatedSeconds = simulatedSeconds
        self.error = error
        self.score = score
        self.cacheKey = cacheKey
        self.cached = cached
    }

    /// The evaluator's answer this trial records.
    public var result: TrialResult {
        TrialResult(status: status, metrics: metrics, curve: curve, simulatedSeconds: simulatedSeconds,
                    wallSeconds: wallSeconds, error: error)
    }

    /// Copies an evaluator's answer (and the objective's score) into the record.
    public mutating func record(_ result: TrialResult, score: Double?, cached: Bool) {
        status = result.status
        metrics = result.metrics
        curve = result.curve
        wallSeconds = cached ? 0 : result.wallSeconds
        simulatedSeconds = result.simulatedSeconds
        error = result.error
        self.score = score
        self.cached = cached
    }
}
