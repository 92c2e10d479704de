import Foundation

/// Which of the ranked networks a search-space profile keeps.
public enum ProfilingThreshold: Sendable, Hashable, CustomStringConvertible {
    /// The best `fraction` of the networks (rounded up, at least one), 0 < fraction ≤ 1.
    case fraction(Double)
    /// Every network whose cost is at most this (at least the best one is kept).
    case cost(Double)

    /// Checks the threshold's value.
    func validate() throws {
        switch self {
        case .fraction(let f):
            guard f > 0, f <= 1 else { throw HardwareError("the fraction of networks kept must be in (0, 1], got \(f)") }
        case .cost(let c):
            guard c.isFinite else { throw HardwareError("the cost cutoff must be a finite number, got \(c)") }
        }
    }

    /// How many of `costs` (sorted ascending) are kept.
    func keptCount(_ costs: [Double]) -> Int {
        let finite = costs.filter(\.isFinite).count
        switch self {
        case .fraction(let f): return min(finite, max(1, Int((f * Double(costs.count)).rounded(.up))))
        case .cost(let c): return min(finite, max(1, costs.filter { $0 <= c }.count))
        }
    }

    public var description: String {
        switch self {
        case .fraction(let f): "the best " + String(format: "%g%%", f * 100)
        case .cost(let c): "cost ≤ " + String(format: "%g", c)
        }
    }
}
