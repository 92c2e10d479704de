/// How much a run may spend before it stops.
public enum RunBudget: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A number of finished trials (done or failed; cached results count).
    case trials(Int)
    /// Real seconds spent by the run's loop, summed over every resume.
    case wallSeconds(Double)
    /// Simulated seconds charged by the evaluator (a table's recorded training time).
    case simulatedSeconds(Double)

    /// The kind as stored (`trials`, `wall`, `simulated`).
    public var kind: String {
        switch self {
        case .trials: return "trials"
        case .wallSeconds: return "wall"
        case .simulatedSeconds: return "simulated"
        }
    }

    /// The amount, as a number.
    public var amount: Double {
        switch self {
        case .trials(let n): return Double(n)
        case .wallSeconds(let s), .simulatedSeconds(let s): return s
        }
    }

    /// Rebuilds a budget from its stored kind and amount; nil for an unknown kind.
    public init?(kind: String, amount: Double) {
        switch kind {
        case "trials": self = .trials(Int(amount))
        case "wall": self = .wallSeconds(amount)
        case "simulated": self = .simulatedSeconds(amount)
        default: return nil
        }
    }

    /// `60 trials`, `300s wall`, `3600s simulated`.
    public var description: String {
        switch self {
        case .trials(let n): return "\(n) trials"
        case .wallSeconds(let s): return "\(s)s wall"
        case .simulatedSeconds(let s): return "\(s)s simulated"
        }
    }
}
