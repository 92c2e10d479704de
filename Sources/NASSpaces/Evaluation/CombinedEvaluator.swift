import NASCore

/// Several evaluators asked about the same architecture, their metrics merged into one trial.
///
/// This is how a run gets accuracy from a tabular benchmark and latency from a device table
/// at once (for the MnasNet reward or a latency constraint). A metric reported by several
/// parts keeps the first part's value; simulated time adds up; the trial fails when any part
/// fails, with that part's reason.
public struct CombinedEvaluator: Evaluator {
    /// The parts, in the order they are asked.
    public let parts: [any Evaluator]

    /// Combines evaluators (at least one).
    public init(_ parts: [any Evaluator]) {
        self.parts = parts
    }

    /// The parts' descriptors joined with ` + `.
    public var descriptor: String { parts.map(\.descriptor).joined(separator: " + ") }

    /// The spaces every part supports (a part without restriction supports all).
    public var supportedSpaces: Set<String> {
        let restricted = parts.map(\.supportedSpaces).filter { !$0.isEmpty }
        guard let first = restricted.first else { return [] }
        return restricted.dropFirst().reduce(first) { $0.intersection($1) }
    }

    /// The smallest maximum number of epochs among the parts that have one.
    public var maxEpochs: Int? { parts.compactMap(\.maxEpochs).min() }

    /// True when any part records each architecture: its metrics would differ between equivalent ones.
    public var recordsEachArchitecture: Bool { parts.contains { $0.recordsEachArchitecture } }

    /// True when any part charges simulated time (a table's training time adds up).
    public var chargesSimulatedTime: Bool { parts.contains { $0.chargesSimulatedTime } }

    /// Asks every part; merges metrics, curves (the first non-empty) and times.
    public func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity,
                         seed: UInt64, cancel: CancellationToken) throws -> TrialResult {
        var merged = TrialResult(metrics: [:])
        for part in parts {
            let result = try part.evaluate(architecture, in: space, fidelity: part.maxEpochs == nil ? .full : fidelity,
                                           seed: seed, cancel: cancel)
            guard result.status == .done else { return result }
            merged.metrics.merge(result.metrics) { first, _ in first }
            if merged.curve.isEmpty { merged.curve = result.curve }
            merged.simulatedSeconds += result.simulatedSeconds
            merged.wallSeconds += result.wallSeconds
        }
        return merged
    }
}
