import NASCore
import NASSearch
import NASSpaces

/// How a run is launched: what it optimises, how long, with which seed, at which fidelity.
public struct RunSettings: Sendable, Hashable {
    /// The objective that scores trials.
    public var objective: Objective
    /// When the run stops.
    public var budget: Budget
    /// The run's seed; the evaluator gets it for every trial (`SearchLoop`'s seed rule).
    public var seed: UInt64
    /// The fidelity of trials whose proposal does not say.
    public var fidelity: Fidelity
    /// The script text that launched the run, kept with it.
    public var script: String?
    /// Learning-curve early stopping of training trials, when wanted.
    public var earlyStopping: EarlyStopping?
    /// Queue workers in the run's process: 1 (the default) evaluates each trial on the run's own thread, as
    /// a run always did; more start that many worker threads; 0 leaves every trial to `naslab worker`
    /// processes that share the store (the run waits for them).
    public var workers: Int
    /// Proposals asked for, evaluated and told together (default: the workers, at least 1).
    public var batch: Int

    /// Whether the run's trials go through the store's queue (workers other than the run's own thread).
    public var queuesTrials: Bool { workers != 1 }

    /// Creates run settings.
    public init(objective: Objective = .maximize(), budget: Budget, seed: UInt64 = 0, fidelity: Fidelity = .full,
                script: String? = nil, earlyStopping: EarlyStopping? = nil, workers: Int = 1, batch: Int? = nil) {
        self.workers = workers
        self.batch = batch ?? max(1, workers)
        self.objective = objective
        self.budget = budget
        self.seed = seed
        self.fidelity = fidelity
        self.script = script
        self.earlyStopping = earlyStopping
    }

    /// The settings of how trials run (fidelity, early stopping) in the store's form (`RunRecord.trialSettings`).
    var storedTrialSettings: [String: String] {
        var stored: [String: String] = [:]
        if let epochs = fidelity.epochs { stored["epochs"] = "\(epochs)" }
        if fidelity.dataFraction != 1 { stored["data_fraction"] = "\(fidelity.dataFraction)" }
        if let earlyStopping {
            stored["early_stop_threshold"] = "\(earlyStopping.threshold)"
            stored["early_stop_after"] = "\(earlyStopping.minEpochs)"
        }
        if workers != 1 { stored["workers"] = "\(workers)" }
        if batch != 1 { stored["batch"] = "\(batch)" }
        return stored
    }

    /// The workers and batch size a run was launched with, read back from its record (1 and 1 when not kept).
    static func queueSettings(from stored: [String: String], run id: Int64) throws -> (workers: Int, batch: Int) {
        func count(_ key: String) throws -> Int {
            guard let text = stored[key] else { return 1 }
            guard let value = Int(text), value >= 0 else { throw RunError.corruptSettings(id, "\(key)=\(text)") }
            return value
        }
        return (try count("workers"), max(1, try count("batch")))
    }

    /// The fidelity and early stopping a run was launched with, read back from its record.
    static func trialSettings(from stored: [String: String], run id: Int64) throws -> (Fidelity, EarlyStopping?) {
        func number(_ key: String) throws -> Double? {
            guard let text = stored[key] else { return nil }
            guard let value = Double(text) else { throw RunError.corruptSettings(id, "\(key)=\(text)") }
            return value
        }
        let fidelity = Fidelity(epochs: try number("epochs").map { Int($0) }, dataFraction: try number("data_fraction") ?? 1)
        guard let threshold = try number("early_stop_threshold") else { return (fidelity, nil) }
        let after = try number("early_stop_after").map { Int($0) } ?? 3
        return (fidelity, try EarlyStopping(threshold: threshold, minEpochs: after))
    }
}
