import NASCore
import NASSpaces

/// Evaluates an architecture's latency by looking it up in a latency table.
///
/// Reports `latency` in seconds and charges no simulated time. An architecture the table does
/// not list (FBNet tables hold 5,000 sampled architectures) comes back as a failed trial that
/// says so, so a search can carry on.
public struct LatencyEvaluator: Evaluator {
    /// The table looked up.
    public let table: LatencyTable

    /// Creates an evaluator over a table.
    public init(table: LatencyTable) {
        self.table = table
    }

    /// An evaluator over the shipped NB201 table of a device (`latency(device: "pixel3")`).
    public init(device: String, batch: Int? = nil) throws {
        self.init(table: try LatencyTable.nb201(device: device, batch: batch))
    }

    /// The evaluator and its settings, as the language would write it.
    public var descriptor: String { "latency(table: \(table.name), device: \(table.device))" }

    /// The one space whose architectures the table holds.
    public var supportedSpaces: Set<String> { [table.space] }

    /// None: the table has no epochs.
    public var maxEpochs: Int? { nil }

    /// True: each architecture's latency is its own entry (or sum of entries) in the table.
    public var recordsEachArchitecture: Bool { true }

    /// The architecture's latency in seconds; one the table does not list is a failed trial.
    public func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity,
                         seed: UInt64, cancel: CancellationToken) throws -> TrialResult {
        guard let seconds = try table.latency(of: architecture, in: space) else {
            return .failed("\(space.canonical(architecture)) is not in the latency table \(table.name) (\(table.count) architectures)")
        }
        return TrialResult(metrics: ["latency": seconds])
    }
}
