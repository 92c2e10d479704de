import NASCore
import NASSpaces

/// Where a `SearchLoop` records its trials beyond memory: a store-backed run (launch, resume, workers).
///
/// The loop calls these in order for each trial: `cachedResults` (identical earlier work, for its batch), `started`
/// (before the evaluation), then `finished` after the strategy was told, or `abandoned` when the
/// trial was cancelled or its evaluation threw. A run that resumes first calls `resume`, which
/// restores the strategy and hands back what was already done, counted by the loop as if it had
/// just happened. A recorder is used by one thread at a time.
///
/// A recorder with queue workers (`queuesTrials`) evaluates a batch's trials itself: the loop hands it
/// the trials that need evaluating (`evaluateQueued`, which returns when each has a result), then tells
/// the strategy in sequence order and calls `finished` for each. Without (the default), the loop
/// evaluates each trial on its own thread between `started` and `finished`.
public protocol TrialRecorder: AnyObject {
    /// Whether trials are evaluated by the recorder's queue workers rather than on the loop's thread.
    var queuesTrials: Bool { get }
    /// Evaluates trials through the queue: records each as pending (or reuses the row a resumed run
    /// already queued with that sequence number), waits until every one has a result and returns the
    /// results in the same order; a cancelled wait returns cancelled results. Only when `queuesTrials`.
    func evaluateQueued(_ trials: [LoopTrial], cancel: CancellationToken) throws -> [TrialResult]
    /// Restores `strategy` from the last checkpoint and returns the trials finished before it (none for a new run).
    func resume(_ strategy: any SearchStrategy) throws -> RecordedHistory
    /// The recorded results of identical earlier work (same cache key) that answer these trials (one batch), in
    /// order, nil for each trial none answers.
    func cachedResults(for trials: [LoopTrial]) throws -> [TrialResult?]
    /// A trial is about to be evaluated.
    func started(_ trial: LoopTrial) throws
    /// A trial finished and the strategy has been told; `tally` counts it. When it ends its batch
    /// (`trial.endsBatch`), the strategy's checkpoint is due.
    func finished(_ trial: LoopTrial, result: TrialResult, score: Double, cached: Bool, strategy: any SearchStrategy,
                  tally: LoopTally) throws
    /// A trial ended without a result the strategy was told: cancelled, or its evaluation threw.
    func abandoned(_ trial: LoopTrial, result: TrialResult, cached: Bool)
}

extension TrialRecorder {
    /// False: the loop evaluates each trial itself.
    public var queuesTrials: Bool { false }

    /// Never called for a recorder without queue workers.
    public func evaluateQueued(_ trials: [LoopTrial], cancel: CancellationToken) throws -> [TrialResult] {
        throw StrategyError("this run has no trial queue")
    }
}

/// One trial as the loop hands it to a recorder.
public struct LoopTrial: Sendable {
    /// Its place in the run, from 1.
    public var sequence: Int
    /// What the strategy proposed, at the fidelity it is evaluated at (the run's default when it left it open).
    public var proposal: Proposal
    /// The architecture's canonical text.
    public var canonical: String
    /// The architecture's identity (equal for equivalent architectures).
    public var identity: String
    /// The content address of the work (`ResultCacheKey`).
    public var cacheKey: String
    /// The seed the evaluator gets.
    public var seed: UInt64
    /// Whether it is the last trial of its batch: the checkpoint after it describes every trial so far, so a
    /// recorder checkpoints only there (a resumed strategy then asks the next batch whole, as the first did).
    public var endsBatch = true
}

/// What a resumed run had done: its finished trials, in order, and the real time it had spent.
public struct RecordedHistory: Sendable {
    /// The finished trials (done or failed), in order.
    public var trials: [RecordedTrial]
    /// The sequence number of the last finished trial.
    public var lastSequence: Int
    /// Real seconds spent before.
    public var wallSeconds: Double

    /// A history.
    public init(trials: [RecordedTrial] = [], lastSequence: Int = 0, wallSeconds: Double = 0) {
        self.trials = trials
        self.lastSequence = lastSequence
        self.wallSeconds = wallSeconds
    }
}

/// One finished trial of a resumed run.
public struct RecordedTrial: Sendable {
    /// The fidelity it was evaluated at.
    public var fidelity: Fidelity
    /// Its result.
    public var result: TrialResult
    /// The objective's score.
    public var score: Double
    /// Whether its result came from the cache.
    public var cached: Bool

    /// A recorded trial.
    public init(fidelity: Fidelity, result: TrialResult, score: Double, cached: Bool) {
        self.fidelity = fidelity
        self.result = result
        self.score = score
        self.cached = cached
    }
}
