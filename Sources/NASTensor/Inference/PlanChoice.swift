import Dispatch

/// Two compiled plans of one network, one on a single core and one over two, with the one that
/// runs faster now: re-timed while it serves calls, as the machine's load changes.
///
/// A plan that splits its work over two cores is the faster one while the second core is free
/// and the slower one while a neighbour holds it, and on a shared machine that changes by the
/// minute. The current plan's calls are timed as they run. After each window of calls the other
/// plan runs `probeCalls` calls (the first untimed); when its second-fastest timed call beats
/// the current plan's lower quartile over the window by `margin`, it becomes the current plan.
/// A probe that loses doubles the window (up to `longestWindow`) so that a steady machine pays
/// little for the checks: at most `probeCalls` calls in `longestWindow`; a switch resets it.
///
/// Not thread-safe, like the plans: one call at a time.
public final class PlanChoice {
    /// The calls in the first window, and after every switch.
    public static let shortestWindow = 32
    /// The calls in the longest window, after probes that lost.
    public static let longestWindow = 2048
    /// The other plan's calls per probe, the first untimed (its weights and buffers warm up).
    public static let probeCalls = 5
    /// How much faster the other plan must be to take over (hysteresis against noise).
    public static let margin = 0.95

    /// The two plans.
    public let plans: [InferencePlan]
    /// The index of the plan that serves calls now.
    public private(set) var current: Int
    /// How many times the current plan changed.
    public private(set) var switches = 0
    private var window = shortestWindow
    private var timings: [UInt64] = []

    /// A choice between `first` (the faster when timed just now) and `other`.
    public init(first: InferencePlan, other: InferencePlan) {
        plans = [first, other]
        current = 0
        timings.reserveCapacity(Self.longestWindow)
    }

    /// The plan that serves calls now.
    public var plan: InferencePlan { plans[current] }

    /// Runs the current plan on `x`, and after a full window probes the other plan.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        let start = DispatchTime.now().uptimeNanoseconds
        let out = try plans[current](x)
        timings.append(DispatchTime.now().uptimeNanoseconds - start)
        if timings.count >= window { try probe(x) }
        return out
    }

    /// Times the other plan against the window's calls and switches when it is faster.
    private func probe(_ x: Tensor) throws {
        let other = 1 - current
        var probed: [UInt64] = []
        for call in 0..<Self.probeCalls {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try plans[other](x)
            if call > 0 { probed.append(DispatchTime.now().uptimeNanoseconds - start) }
        }
        let candidate = Double(probed.sorted()[1])
        let incumbent = Double(timings.sorted()[timings.count / 4])
        timings.removeAll(keepingCapacity: true)
        if candidate < incumbent * Self.margin {
            current = other
            switches += 1
            window = Self.shortestWindow
        } else {
            window = min(window * 2, Self.longestWindow)
        }
    }
}
