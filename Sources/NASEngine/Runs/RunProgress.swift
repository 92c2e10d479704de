import NASCore
import NASStore

/// A snapshot of a run's state, as progress events and `status(r)` show it.
public struct RunProgress: Sendable, Hashable {
    /// The run's id in the store.
    public var runID: Int64
    /// Where the run stands.
    public var status: RunStatus
    /// The run's budget.
    public var budget: RunBudget
    /// Finished trials (done or failed), counting those before a resume.
    public var trials: Int
    /// Finished trials that failed.
    public var failed: Int
    /// Finished trials whose result came from the cache.
    public var cached: Int
    /// Real seconds the loop has spent, over every resume.
    public var wallSeconds: Double
    /// Simulated seconds charged.
    public var simulatedSeconds: Double
    /// The objective's metric.
    public var metric: String
    /// The best value of the objective's metric so far.
    public var bestValue: Double?
    /// Why the run failed, when it did.
    public var error: String?

    /// Creates a snapshot.
    public init(runID: Int64, status: RunStatus, budget: RunBudget, trials: Int = 0, failed: Int = 0, cached: Int = 0,
                wallSeconds: Double = 0, simulatedSeconds: Double = 0, metric: String, bestValue: Double? = nil,
                error: String? = nil) {
        self.runID = runID
        self.status = status
        self.budget = budget
        self.trials = trials
        self.failed = failed
        self.cached = cached
        self.wallSeconds = wallSeconds
        self.simulatedSeconds = simulatedSeconds
        self.metric = metric
        self.bestValue = bestValue
        self.error = error
    }

    /// The fraction of the budget spent, in [0, 1].
    public var fractionSpent: Double {
        let spent: Double
        switch budget {
        case .trials: spent = Double(trials)
        case .wallSeconds: spent = wallSeconds
        case .simulatedSeconds: spent = simulatedSeconds
        }
        return budget.amount > 0 ? min(1, spent / budget.amount) : 1
    }

    /// One terminal line: `run 3 running: 12/60 trials, best accuracy 93.12%, 2 cached`.
    public var line: String {
        var parts = ["run \(runID) \(status.rawValue):"]
        switch budget {
        case .trials(let n): parts.append("\(trials)/\(n) trials")
        case .wallSeconds(let s): parts.append("\(trials) trials, \(Quantity.seconds(wallSeconds))/\(Quantity.seconds(s))")
        case .simulatedSeconds(let s):
            parts.append("\(trials) trials, \(Quantity.seconds(simulatedSeconds))/\(Quantity.seconds(s)) simulated")
        }
        if let best = bestValue { parts[parts.count - 1] += ", best \(metric) \(MetricCatalog.quantity(metric, best))" }
        if failed > 0 { parts[parts.count - 1] += ", \(failed) failed" }
        if cached > 0 { parts[parts.count - 1] += ", \(cached) cached" }
        if let error { parts.append("(\(error))") }
        return parts.joined(separator: " ")
    }
}
