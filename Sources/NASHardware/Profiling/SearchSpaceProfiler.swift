import Foundation
import NASCore
import NASSpaces

/// Black-box search-space profiling (Zeng et al., ASP-DAC 2020): score the single-substituted-block
/// networks of a blockwise space on accuracy and device latency, keep the best, and return the
/// smaller space their blocks span.
///
/// The specified network of a block type has that type at every position; its SSBNs change one
/// position to another type. Over the M types of L positions that is M + M·L·(M − 1) networks,
/// fewer where two coincide. Each is evaluated by any accuracy evaluator (training on a subset, a
/// supernet, a table) and any latency evaluator (a measured device, a latency table): the device
/// is only asked how long a network takes. Cost, lower is better:
///
///     cost = w_acc · (1 − accuracy / best accuracy) + w_lat · latency / latency target
///
/// where the best accuracy is the highest among the networks scored and the latency target is
/// the one given, or the highest latency among them when none is given, so both terms are in
/// [0, 1] without a target. The networks are sorted by cost; the threshold keeps the best part; each
/// position of the profiled space keeps the block types it has in some kept network.
public struct SearchSpaceProfiler: Sendable {
    /// The weight of the accuracy term.
    public var accuracyWeight: Double
    /// The weight of the latency term.
    public var latencyWeight: Double
    /// The latency (seconds) that the latency term divides by; nil: the slowest network scored.
    public var latencyTarget: Double?
    /// Which networks are kept.
    public var threshold: ProfilingThreshold
    /// The accuracy evaluator's metric.
    public var accuracyMetric: String
    /// The latency evaluator's metric (seconds).
    public var latencyMetric: String
    /// The seed every evaluation gets.
    public var seed: UInt64

    /// A profiler; weights at least 0 and not both 0, a target above 0.
    public init(accuracyWeight: Double = 1, latencyWeight: Double = 1, latencyTarget: Double? = nil,
                threshold: ProfilingThreshold = .fraction(0.3), accuracyMetric: String = "accuracy",
                latencyMetric: String = "latency", seed: UInt64 = 1) throws {
        guard accuracyWeight >= 0, latencyWeight >= 0, accuracyWeight + latencyWeight > 0,
              accuracyWeight.isFinite, latencyWeight.isFinite else {
            throw HardwareError("the accuracy and latency weights must be at least 0 and not both 0, got \(accuracyWeight) and \(latencyWeight)")
        }
        if let t = latencyTarget, !(t > 0 && t.isFinite) { throw HardwareError("the latency target must be above 0 seconds, got \(t)") }
        try threshold.validate()
        self.accuracyWeight = accuracyWeight
        self.latencyWeight = latencyWeight
        self.latencyTarget = latencyTarget
        self.threshold = threshold
        self.accuracyMetric = accuracyMetric
        self.latencyMetric = latencyMetric
        self.seed = seed
    }

    /// The specified networks and their SSBNs, each once (first occurrence), unscored; block types
    /// that some position does not offer have no specified network and are skipped.
    public func ssbns(of space: any BlockwiseSpace) throws -> [ProfiledNetwork] {
        var seen = Set<[Int]>()
        var result: [ProfiledNetwork] = []
        func add(_ a: Architecture, _ base: String, _ position: Int?, _ block: String?) {
            guard seen.insert(a.tokens).inserted else { return }
            result.append(ProfiledNetwork(architecture: a, base: base, position: position, block: block, accuracy: nil,
                                          latency: nil, cost: .infinity, kept: false))
        }
        for type in space.blockTypes {
            guard let specified = try space.specifiedNetwork(type) else { continue }
            add(specified, type, nil, nil)
            for p in 0..<space.blockCount {
                for other in space.blockOptions(at: p) where other != type {
                    if let changed = try space.replacing(specified, position: p, with: other) { add(changed, type, p, other) }
                }
            }
        }
        guard !result.isEmpty else {
            throw HardwareError("the \(space.name) space has no specified network: no block type is offered at every position")
        }
        return result
    }

    /// Profiles `space`: scores every SSBN with both evaluators (`progress(done, total)` after each),
    /// ranks them, cuts by the threshold and returns the profiled space. Stops with `CancellationError`
    /// when `cancel` fires; evaluators' errors propagate, failed trials cost infinity.
    public func profile(_ space: any BlockwiseSpace, accuracy: any Evaluator, latency: any Evaluator,
                        cancel: CancellationToken = CancellationToken(),
                        progress: (Int, Int) -> Void = { _, _ in }) throws -> ProfiledSpace {
        var networks = try ssbns(of: space)
        for i in networks.indices {
            try cancel.check()
            networks[i].accuracy = try metric(accuracyMetric, of: networks[i].architecture, in: space, by: accuracy, cancel: cancel)
            try cancel.check()
            networks[i].latency = try metric(latencyMetric, of: networks[i].architecture, in: space, by: latency, cancel: cancel)
            progress(i + 1, networks.count)
        }
        try cancel.check()
        return try cut(space, ranking: rank(networks))
    }

    /// The networks with their costs, sorted by cost (ties keep SSBN order); none kept yet.
    public func rank(_ networks: [ProfiledNetwork]) throws -> [ProfiledNetwork] {
        let accuracies = networks.compactMap(\.accuracy), latencies = networks.compactMap(\.latency)
        guard let best = accuracies.max(), best > 0 else {
            throw HardwareError("no profiled network has an accuracy above 0, so costs cannot be normalised")
        }
        guard let scale = latencyTarget ?? latencies.max(), scale > 0 else {
            throw HardwareError("no profiled network has a latency above 0, so costs cannot be normalised")
        }
        let scored = networks.map { n -> ProfiledNetwork in
            var n = n
            if let a = n.accuracy, let l = n.latency {
                n.cost = accuracyWeight * (1 - a / best) + latencyWeight * l / scale
            } else {
                n.cost = .infinity
            }
            return n
        }
        return scored.enumerated().sorted { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }.map(\.element)
    }

    /// Marks the networks the threshold keeps and builds the space of their blocks.
    public func cut(_ space: any BlockwiseSpace, ranking: [ProfiledNetwork]) throws -> ProfiledSpace {
        let keep = threshold.keptCount(ranking.map(\.cost))
        guard keep > 0 else { throw HardwareError("no profiled network could be evaluated, so nothing can be kept") }
        var ranking = ranking
        var kept = [[Int]](repeating: [], count: space.blockCount)
        for i in 0..<keep {
            ranking[i].kept = true
            for (p, c) in space.blockChoices(of: ranking[i].architecture).enumerated() where !kept[p].contains(c) { kept[p].append(c) }
        }
        return try ProfiledSpace(parent: space, kept: kept, ranking: ranking, profile: description(kept: keep, of: ranking.count))
    }

    /// The evaluator's `name` metric for one network, nil when the trial failed or lacks it.
    private func metric(_ name: String, of a: Architecture, in space: any SearchSpace, by evaluator: any Evaluator,
                        cancel: CancellationToken) throws -> Double? {
        let result = try evaluator.evaluate(a, in: space, fidelity: .full, seed: seed, cancel: cancel)
        try cancel.check()
        guard result.status == .done else { return nil }
        return result.metrics[name].flatMap { $0.isFinite ? $0 : nil }
    }

    /// The profile in one line: weights, normalisation and threshold.
    private func description(kept: Int, of total: Int) -> String {
        let target = latencyTarget.map { "target " + String(format: "%g ms", $0 * 1000) } ?? "target: the slowest network's latency"
        return "Profiled from \(total) specified and single-substituted-block networks: cost = \(accuracyWeight)·(1 − accuracy/best) + \(latencyWeight)·latency/target (\(target)); kept \(kept), \(threshold)."
    }
}
