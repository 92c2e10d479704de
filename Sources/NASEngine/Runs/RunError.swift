import NASStore

/// Why a run cannot be launched, resumed or continued, in the user's terms.
public enum RunError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The store has no run with this id.
    case noSuchRun(Int64)
    /// The run is already working in this session.
    case alreadyActive(Int64)
    /// The run ended (done or failed) and cannot be resumed.
    case notResumable(Int64, RunStatus)
    /// The strategy, space or evaluator given to resume differs from the run's.
    case mismatch(Int64, what: String, recorded: String, given: String)
    /// The run stopped on an error.
    case failed(Int64, String)
    /// A setting stored with the run cannot be read back.
    case corruptSettings(Int64, String)
    /// The evaluator cannot evaluate the space.
    case unsupportedSpace(evaluator: String, space: String, supported: [String])
    /// A run of an earlier session was resumed without its space and evaluator.
    case launchedElsewhere(Int64)
    /// The run is not a one-shot method's, or has no trained supernet yet.
    case noSupernet(Int64, String)
    /// A run left to external workers (`workers: 0`) whose space or evaluator workers cannot rebuild.
    case notDescribable(evaluator: String, space: String)

    public var description: String {
        switch self {
        case .noSuchRun(let id): return "no run \(id) in the store"
        case .notDescribable(let evaluator, let space):
            return "naslab worker processes cannot rebuild \(evaluator) on the \(space) space (they rebuild the catalogue's, composed "
                + "and profiled spaces with the nb201 table, training on built-in or file data sets, shipped latency tables, measured "
                + "latency on naslab's engine or onnxruntime, the energy model, and lists of these); launch it with workers: 1 or more"
        case .noSupernet(let id, let why): return "run \(id) has no supernet to evaluate with: \(why)"
        case .launchedElsewhere(let id):
            return "run \(id) was launched in another session: give its space and evaluator (on: and using:) to resume it"
        case .alreadyActive(let id): return "run \(id) is already running"
        case .notResumable(let id, let status): return "run \(id) is \(status.rawValue); only running or cancelled runs resume"
        case .mismatch(let id, let what, let recorded, let given):
            return "run \(id) used \(what) '\(recorded)', but resume was given '\(given)'"
        case .failed(let id, let message): return "run \(id) failed: \(message)"
        case .corruptSettings(let id, let setting): return "run \(id) has a stored setting that cannot be read: \(setting)"
        case .unsupportedSpace(let evaluator, let space, let supported):
            return "evaluator \(evaluator) cannot evaluate space \(space); it supports \(supported.sorted().joined(separator: ", "))"
        }
    }
}
