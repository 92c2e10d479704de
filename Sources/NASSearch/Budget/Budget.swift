/// How much a search may spend: trials, real seconds, simulated seconds; any mix, first one reached stops it.
///
/// Simulated seconds are what a tabular benchmark charges for a trial (its recorded training
/// time), which is how published NAS comparisons on tables set their budgets (NATS-Bench:
/// 20,000 s on CIFAR-10). A trial that starts before the budget is spent runs to its end.
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

    public var description: String {
        var parts: [String] = []
        if let t = trials { parts.append("\(t) trials") }
        if let w = wallSeconds { parts.append("\(w) s") }
        if let s = simulatedSeconds { parts.append("\(s) simulated s") }
        return parts.isEmpty ? "unlimited" : parts.joined(separator: ", ")
    }
}

/// What a search has spent so far, in the units of `Budget`.
public struct Spending: Sendable, Hashable, Codable {
    /// Trials evaluated.
    public var trials = 0
    /// Real seconds elapsed.
    public var wallSeconds = 0.0
    /// Simulated seconds charged.
    public var simulatedSeconds = 0.0

    /// Creates an empty account.
    public init() {}
}
