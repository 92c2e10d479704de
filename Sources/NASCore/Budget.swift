/// How much a search may spend: trials, real seconds, simulated seconds; any mix, the first one reached stops it.
///
/// Simulated seconds are what a tabular benchmark charges for a trial (its recorded training
/// time), which is how published NAS comparisons on tables set their budgets (NATS-Bench:
/// 20,000 s on CIFAR-10). Trials count finished trials (done or failed; cached results count).
/// Real seconds are those spent by the run's loop, summed over every resume. A trial that starts
/// before the budget is spent runs to its end.
public struct Budget: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The most trials, if limited.
    public var trials: Int?
    /// The most real seconds, if limited.
    public var wallSeconds: Double?
    /// The most simulated seconds, if limited.
    public var simulatedSeconds: Double?

    /// Creates a budget; `nil` parts are unlimited.
    public init(trials: Int? = nil, wallSeconds: Double? = nil, simulatedSeconds: Double? = nil) {
        self.trials = trials
        self.wallSeconds = wallSeconds
        self.simulatedSeconds = simulatedSeconds
    }

    /// A budget of `n` trials.
    public static func trials(_ n: Int) -> Budget { Budget(trials: n) }
    /// A budget of simulated seconds.
    public static func simulated(_ seconds: Double) -> Budget { Budget(simulatedSeconds: seconds) }
    /// A budget of real seconds.
    public static func wall(_ seconds: Double) -> Budget { Budget(wallSeconds: seconds) }

    /// Whether any limit is set; a search without one would never stop on its own.
    public var isLimited: Bool { trials != nil || wallSeconds != nil || simulatedSeconds != nil }

    /// Whether what has been spent reaches a limit.
    public func isExhausted(by spent: Spending) -> Bool {
        if let t = trials, spent.trials >= t { return true }
        if let w = wallSeconds, spent.wallSeconds >= w { return true }
        if let s = simulatedSeconds, spent.simulatedSeconds >= s { return true }
        return false
    }

    /// The fraction of the budget spent, in [0, 1]: the largest over its limits.
    public func fractionSpent(by spent: Spending) -> Double {
        var parts: [Double] = []
        if let t = trials { parts.append(t > 0 ? Double(spent.trials) / Double(t) : 1) }
        if let w = wallSeconds { parts.append(w > 0 ? spent.wallSeconds / w : 1) }
        if let s = simulatedSeconds { parts.append(s > 0 ? spent.simulatedSeconds / s : 1) }
        return min(1, parts.max() ?? 0)
    }

    /// The limits as `(kind, amount)` pairs, kinds `trials`, `wall`, `simulated`, in that order.
    public var limits: [(kind: String, amount: Double)] {
        var parts: [(String, Double)] = []
        if let t = trials { parts.append(("trials", Double(t))) }
        if let w = wallSeconds { parts.append(("wall", w)) }
        if let s = simulatedSeconds { parts.append(("simulated", s)) }
        return parts
    }

    /// The stored form: the kind and amount of a single limit (`trials`, 60), or for a mix every
    /// `kind=amount` joined with `;` and the first amount.
    public var stored: (kind: String, amount: Double) {
        let parts = limits
        guard parts.count != 1 else { return parts[0] }
        return (parts.map { "\($0.kind)=\($0.amount)" }.joined(separator: ";"), parts.first?.amount ?? 0)
    }

    /// Reads the stored form back; nil for an unknown kind.
    public init?(storedKind kind: String, amount: Double) {
        self.init()
        let parts = kind.contains("=") ? kind.split(separator: ";").map { String($0) } : ["\(kind)=\(amount)"]
        for part in parts {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, let value = Double(pair[1]) else { return nil }
            switch pair[0] {
            case "trials": trials = Int(value)
            case "wall": wallSeconds = value
            case "simulated": simulatedSeconds = value
            default: return nil
            }
        }
    }

    /// `60 trials`, `300.0s wall`, `20000.0s simulated`; a mix joined with `, `; `unlimited`.
    public var description: String {
        var parts: [String] = []
        if let t = trials { parts.append("\(t) trials") }
        if let w = wallSeconds { parts.append("\(w)s wall") }
        if let s = simulatedSeconds { parts.append("\(s)s simulated") }
        return parts.isEmpty ? "unlimited" : parts.joined(separator: ", ")
    }
}

/// What a search has spent so far, in the units of `Budget`.
public struct Spending: Sendable, Hashable, Codable {
    /// Trials finished.
    public var trials = 0
    /// Real seconds elapsed.
    public var wallSeconds = 0.0
    /// Simulated seconds charged.
    public var simulatedSeconds = 0.0

    /// Creates an empty account.
    public init() {}
}
