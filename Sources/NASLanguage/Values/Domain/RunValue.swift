import NASCore
import NASEngine
import NASSpaces

/// A search run as a language value: `run 3 (evolution on nb201): running, 12/60 trials, …`.
///
/// It holds the run's id and reads everything else live, from the run's handle while it
/// works in this session and from the store otherwise, so `r.status` and `r.trials` are always
/// current. A run launched in this session also keeps what launched it, so `resume(r)` can
/// build its strategy again.
public struct RunValue: DomainValue {
    /// The run's id in the store.
    public let id: Int64
    /// The session whose store holds the run.
    let session: Session
    /// What launched the run, when it was launched (or resumed) in this session.
    let launch: RunLaunch?

    /// A run of the session's store.
    init(id: Int64, session: Session, launch: RunLaunch?) {
        self.id = id
        self.session = session
        self.launch = launch
    }

    public var typeName: String { "run" }

    /// `run 3 done: 60/60 trials, best accuracy 91.6%`.
    public var summary: String {
        (try? session.runProgress(id).line) ?? "run \(id) (not in the store)"
    }

    public func render(width: Int) -> String {
        var lines = [summary]
        if let record = try? session.runs().store.run(id) {
            lines.append("strategy: \(record.strategy)  space: \(record.space)  seed: \(record.seed)")
            lines.append("evaluator: \(record.evaluator)")
            lines.append("objective: \(record.objectiveDescription)  budget: \(record.budget)")
        }
        return lines.joined(separator: "\n")
    }

    public var memberNames: [String] {
        ["id", "status", "trials", "best", "simulated_time", "wall_time", "strategy", "space", "evaluator",
         "objective", "budget", "seed", "error"]
    }

    public func member(_ name: String) throws -> Value? {
        switch name {
        case "id": return .number(Double(id))
        case "trials": return .table(TableValue(try session.trialsTable(run: id)))
        case "best": return try best(by: nil, maximise: nil)
        case "status", "simulated_time", "wall_time", "error": return try progressMember(name)
        case "strategy", "space", "evaluator", "objective", "budget", "seed": return try recordMember(name)
        default: return nil
        }
    }

    /// Same run id.
    public func isEqual(to other: any DomainValue) -> Bool {
        (other as? RunValue)?.id == id
    }

    /// The best finished trial as a record (none when no trial finished).
    func best(by metric: String?, maximise: Bool?) throws -> Value {
        let table = try session.runs().store.best(run: id, by: metric, maximise: maximise)
        guard let row = table.rows.first else { return .none }
        if metric == nil, case .number(let score)? = table.columns.firstIndex(of: "score").map({ row[$0] }),
           !score.value.isFinite {
            return .none
        }
        return .record(Record(zip(table.columns, row).map { ($0, Value($1)) }))
    }

    private func progressMember(_ name: String) throws -> Value {
        let progress = try session.runProgress(id)
        switch name {
        case "status": return .string(progress.status.rawValue)
        case "simulated_time": return .number(Quantity.seconds(progress.simulatedSeconds))
        case "wall_time": return .number(Quantity.seconds(progress.wallSeconds))
        default: return progress.error.map { .string($0) } ?? .none
        }
    }

    private func recordMember(_ name: String) throws -> Value {
        guard let record = try session.runs().store.run(id) else { throw RunError.noSuchRun(id) }
        switch name {
        case "strategy": return .string(record.strategy)
        case "space": return .string(record.space)
        case "evaluator": return .string(record.evaluator)
        case "objective": return .string(record.objectiveDescription)
        case "budget": return .string(record.budget.description)
        default: return .number(Double(record.seed))
        }
    }
}
