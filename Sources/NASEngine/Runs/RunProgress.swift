import NASCore
import NASSearch
import NASStore

/// A snapshot of a run's state, as progress events and `status(r)` show it; its counts are the loop's `LoopTally`.
public struct RunProgress: Sendable, Hashable {
    /// The run's id in the store.
    public var runID: Int64
    /// Where the run stands.
    public var status: RunStatus
    /// The run's budget.
    public var budget: Budget
    /// The run's objective.
    public var objective: Objective
    /// What the run has done, counting trials before a resume.
    public var tally: LoopTally
    /// Why the run failed, when it did.
    public var error: String?
    /// Trials of the batch under way that wait in the store's queue for workers (0 unless the run queues trials).
    public var queued = 0

    /// Creates a snapshot.
    public init(runID: Int64, status: RunStatus, budget: Budget, objective: Objective, tally: LoopTally = LoopTally(),
                error: String? = nil) {
        self.runID = runID
        self.status = status
        self.budget = budget
        self.objective = objective
        self.tally = tally
        self.error = error
    }

    /// Finished trials (done or failed).
    public var trials: Int { tally.spent.trials }
    /// Finished trials that failed.
    public var failed: Int { tally.failed }
    /// Finished trials whose result came from the cache.
    public var cached: Int { tally.cached }
    /// Real seconds the loop has spent, over every resume.
    public var wallSeconds: Double { tally.spent.wallSeconds }
    /// Simulated seconds charged.
    public var simulatedSeconds: Double { tally.spent.simulatedSeconds }
    /// The metric the objective ranks by (`accuracy`, or `score`).
    public var metric: String { objective.rankingMetric }
    /// The incumbent's value of `metric` (the best at the largest fidelity so far).
    public var bestValue: Double? { objective.rankingValue(ofScore: tally.bestScore) }

    /// The fraction of the budget spent, in [0, 1].
    public var fractionSpent: Double { budget.fractionSpent(by: tally.spent) }

    /// One terminal line: `run 3 running: 12/60 trials, best accuracy 93.12%, 2 cached` (`, 3 queued for workers` while a
    /// batch waits in the queue).
    public var line: String {
        var parts = ["run \(runID) \(status.rawValue):"]
        if let n = budget.trials, budget.limits.count == 1 {
            parts.append("\(trials)/\(n) trials")
        } else {
            var spent = "\(trials) trials"
            if let s = budget.wallSeconds { spent += ", \(Quantity.seconds(wallSeconds))/\(Quantity.seconds(s))" }
            if let s = budget.simulatedSeconds { spent += ", \(Quantity.seconds(simulatedSeconds))/\(Quantity.seconds(s)) simulated" }
            parts.append(spent)
        }
        if let best = bestValue { parts[parts.count - 1] += ", best \(metric) \(MetricCatalogue.quantity(metric, best))" }
        if failed > 0 { parts[parts.count - 1] += ", \(failed) failed" }
        if cached > 0 { parts[parts.count - 1] += ", \(cached) cached" }
        if queued > 0 { parts[parts.count - 1] += ", \(queued) queued for workers" }
        if let error { parts.append("(\(error))") }
        return parts.joined(separator: " ")
    }
}
