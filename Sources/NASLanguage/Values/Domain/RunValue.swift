import NASCore
import NASEngine

/// A search run as a language value: `run 3 (evolution on nb201): running, 12/60 trials, …`.
///
/// It holds the run's id and reads everything else live through the session, from the run's
/// handle while it works in this session and from the store otherwise, so `r.status` and
/// `r.trials` are always current.
public struct RunValue: DomainValue {
    /// The run's id in the store.
    public let id: Int64
    /// The session whose store holds the run.
    let session: Session

    /// A run of the session's store.
    init(id: Int64, session: Session) {
        self.id = id
        self.session = session
    }

    /// "run".
    public var typeName: String { "run" }

    /// `run 3 done: 60/60 trials, best accuracy 91.6%`.
    public var summary: String {
        (try? session.runProgress(id).line) ?? "run \(id) (not in the store)"
    }

    /// The progress line, then the strategy, space, seed, evaluator, objective and budget.
    public func render(width: Int) -> String {
        var lines = [summary]
        if let record = try? session.runRecord(id) {
            lines.append("strategy: \(record.strategy)  space: \(record.space)  seed: \(record.seed)")
            lines.append("evaluator: \(record.evaluator)")
            lines.append("objective: \(record.objectiveDescription)  budget: \(record.budget)")
        }
        return lines.joined(separator: "\n")
    }

    /// The fields: id, status, trials, best, times, and what launched the run.
    public var memberNames: [String] {
        ["id", "status", "trials", "best", "simulated_time", "wall_time", "strategy", "space", "evaluator",
         "objective", "budget", "seed", "error"]
    }

    /// A field, read live from the run's handle or the store.
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
        let table = try session.bestTrial(run: id, by: metric, maximise: maximise)
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
        guard let record = try session.runRecord(id) else { throw RunError.noSuchRun(id) }
        switch name {
        case "strategy": return .string(record.strategy)
        case "space": return .string(record.space)
        case "evaluator": return .string(record.evaluator)
        case "objective": return .string(record.objectiveDescription)
        case "budget": return .string(Self.describe(record.budget))
        default: return .number(Double(record.seed))
        }
    }

    /// A budget as the language writes it: `60 trials`, `2000s simulated`, `10min wall`.
    static func describe(_ budget: Budget) -> String {
        var parts: [String] = []
        if let n = budget.trials { parts.append("\(n) trials") }
        if let s = budget.wallSeconds { parts.append("\(Quantity.seconds(s)) wall") }
        if let s = budget.simulatedSeconds { parts.append("\(Quantity.seconds(s)) simulated") }
        return parts.joined(separator: ", ")
    }
}
