/// Why a queue worker cannot evaluate a run's trials.
public enum WorkerError: Error, Sendable, CustomStringConvertible {
    /// The run's space or evaluator cannot be rebuilt from its stored description.
    case cannotRebuild(String)

    /// The reason, as a failed trial records it.
    public var description: String {
        switch self {
        case .cannotRebuild(let reason): return "cannot rebuild the run's space or evaluator: \(reason)"
        }
    }
}
