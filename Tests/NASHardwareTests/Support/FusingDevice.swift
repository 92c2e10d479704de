import NASCore
import NASHardware
import NASSpaces

/// A deterministic device whose latency is an exact function of the network, in microseconds.
///
/// Every call costs 100 µs of overhead; each conv 10, global pooling 2, linear 3, and a relu 1
/// unless it reads a conv's output, where it is fused into the conv and free. Standalone parts
/// each pay the overhead, and a part that starts with a relu cannot see the conv before it: the
/// two effects a latency table of standalone parts gets wrong. It counts the networks it measured,
/// and `extra(n)` adds microseconds to its n-th measurement (a shared machine's drift, a
/// neighbour starting work, a burst).
final class FusingDevice: Device, @unchecked Sendable {
    var name: String { "fusing" }
    var threads: Int { 1 }
    /// The number of `measure` calls so far.
    private(set) var calls = 0
    /// The classes of every classifier it measured (a linear layer's outputs).
    private(set) var classes: Set<Int> = []
    /// Cancels this token after this many calls (to test cancellation), when set.
    var cancelAfter: (calls: Int, token: CancellationToken)?
    /// Microseconds added to the n-th measurement (counted from 1), when set.
    var extra: ((Int) -> Double)?
    /// Every later measurement is `factor` times the formula plus `offset` µs, when set (a device that changed).
    var slowdown: (factor: Double, offset: Double)?

    /// The latency of one call of `spec`, in seconds.
    static func seconds(_ spec: NetworkSpec) -> Double {
        var micro = 100.0
        for node in spec.nodes {
            switch node.op {
            case .conv: micro += 10
            case .globalAvgPool: micro += 2
            case .linear: micro += 3
            case .relu:
                let source = node.inputs[0]
                if source < 0 { micro += 1; continue }
                if case .conv = spec.nodes[source].op { continue }
                micro += 1
            default: micro += 0
            }
        }
        return micro * 1e-6
    }

    func measure(_ spec: NetworkSpec, batch: Int, settings: MeasurementSettings, cancel: CancellationToken) throws -> LatencyMeasurement {
        try cancel.check()
        calls += 1
        for node in spec.nodes { if case .linear(let out, _) = node.op { classes.insert(out) } }
        if let c = cancelAfter, calls >= c.calls { c.token.cancel() }
        let s = Self.seconds(spec) * (slowdown?.factor ?? 1) + ((slowdown?.offset ?? 0) + (extra?(calls) ?? 0)) * 1e-6
        return LatencyMeasurement(samples: [s, s, s])
    }
}
