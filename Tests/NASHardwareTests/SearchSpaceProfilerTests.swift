import Foundation
import NASCore
import Synchronization
import NASSpaces
import Testing
@testable import NASHardware

/// An evaluator answering one metric from a table keyed by canonical form, optionally slowly.
struct ProfileTableStub: Evaluator {
    let metric: String
    let values: [String: Double]
    var delay: Double = 0
    var descriptor: String { "stub(\(metric))" }
    var supportedSpaces: Set<String> { [] }
    var maxEpochs: Int? { nil }

    func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity, seed: UInt64,
                  cancel: CancellationToken) throws -> TrialResult {
        var waited = 0.0
        while waited < delay {
            if cancel.isCancelled { return TrialResult(status: .cancelled, metrics: [:]) }
            Thread.sleep(forTimeInterval: 0.01)
            waited += 0.01
        }
        guard let v = values[space.canonical(architecture)] else { return .failed("no value") }
        return TrialResult(metrics: [metric: v])
    }
}

/// Search-space profiling on spaces small enough to check by hand: which SSBNs, their cost order,
/// what the threshold keeps and how fast a cancelled profile stops.
@Suite struct SearchSpaceProfilerTests {
    /// The canonical forms of a basenet space's architectures that are within one block of a specified network, by brute force.
    static func withinOneBlock(_ space: BasenetSpace) throws -> Set<String> {
        let L = space.blockCount
        return Set(try space.enumerate(limit: 10_000).filter { a in
            (0..<space.blocks.count).contains { t in a.tokens.filter { $0 == t }.count >= L - 1 }
        }.map { space.canonical($0) })
    }

    @Test("M types at L ≥ 3 positions give M + M·L·(M−1) distinct SSBNs: every network within one block of a specified one")
    func ssbnCount() throws {
        let space = try BasenetSpace(blocks: ["vgg_k3", "res_k3", "mb_k3_e6"], stages: [(4, 1), (8, 2)])
        let ssbns = try SearchSpaceProfiler().ssbns(of: space)
        #expect(ssbns.count == 3 + 3 * 3 * 2)
        #expect(Set(ssbns.map { space.canonical($0.architecture) }) == (try Self.withinOneBlock(space)))
        #expect(ssbns.filter { $0.position == nil }.map(\.base) == ["vgg_k3", "res_k3", "mb_k3_e6"])
        let changed = try #require(ssbns.first { $0.base == "res_k3" && $0.position == 2 && $0.block == "vgg_k3" })
        #expect(space.canonical(changed.architecture) == "res_k3-res_k3-vgg_k3")
    }

    @Test("at L = 2 the SSBNs of two specified networks coincide: M = 2 gives 2 + 4 − 2 = 4, M = 4 all 16 networks")
    func ssbnDuplicates() throws {
        let two = try BasenetSpace(blocks: ["vgg_k3", "res_k3"], stages: [(4, 1), (8, 1)])
        #expect(try SearchSpaceProfiler().ssbns(of: two).count == 4)
        let four = try BasenetSpace(stages: [(4, 1), (8, 1)])
        let ssbns = try SearchSpaceProfiler().ssbns(of: four)
        #expect(ssbns.count == 16)
        #expect(Set(ssbns.map(\.architecture.tokens)).count == 16)
    }

    /// Two types at two positions; accuracies and latencies chosen so the costs are easy by hand.
    static let space = try! BasenetSpace(blocks: ["vgg_k3", "res_k3"], stages: [(4, 1), (8, 1)])
    static let accuracy = ProfileTableStub(metric: "accuracy", values: ["vgg_k3-vgg_k3": 0.8, "res_k3-vgg_k3": 0.9,
                                                                 "vgg_k3-res_k3": 0.6, "res_k3-res_k3": 0.96])
    static let latency = ProfileTableStub(metric: "latency", values: ["vgg_k3-vgg_k3": 0.001, "res_k3-vgg_k3": 0.002,
                                                               "vgg_k3-res_k3": 0.003, "res_k3-res_k3": 0.004])

    @Test("costs w_acc·(1 − acc/best) + w_lat·lat/target rank the networks as worked out by hand; the best half keeps their blocks")
    func costOrderAndFraction() throws {
        let profiler = try SearchSpaceProfiler(latencyTarget: 0.004, threshold: .fraction(0.5))
        let profiled = try profiler.profile(Self.space, accuracy: Self.accuracy, latency: Self.latency)
        // By hand: vgg-vgg 1/6 + 1/4 = 0.41667, res-vgg 0.0625 + 0.5 = 0.5625, res-res 0 + 1 = 1, vgg-res 0.375 + 0.75 = 1.125.
        #expect(profiled.ranking.map { Self.space.canonical($0.architecture) }
                == ["vgg_k3-vgg_k3", "res_k3-vgg_k3", "res_k3-res_k3", "vgg_k3-res_k3"])
        let costs = profiled.ranking.map(\.cost), hand = [0.4166667, 0.5625, 1.0, 1.125]
        for (c, h) in zip(costs, hand) { #expect(abs(c - h) < 1e-6) }
        #expect(profiled.ranking.map(\.kept) == [true, true, false, false])
        #expect(profiled.keptTypes == [["vgg_k3", "res_k3"], ["vgg_k3"]])
        #expect(Set(try profiled.enumerate(limit: 10).map { profiled.canonical($0) }) == ["vgg_k3-vgg_k3", "res_k3-vgg_k3"])
        #expect(profiled.name == Self.space.name)
    }

    @Test("without a target the slowest network normalises latency; accuracy alone and a cost cutoff keep res at position 1")
    func cutoffAndNormalisation() throws {
        let same = try SearchSpaceProfiler(threshold: .fraction(0.5))
            .profile(Self.space, accuracy: Self.accuracy, latency: Self.latency)
        #expect(abs(same.ranking[0].cost - 0.4166667) < 1e-6)  // the slowest is 4 ms, as the target above
        // Accuracy only: res-res 0, res-vgg 0.0625, vgg-vgg 0.1667, vgg-res 0.375; cost ≤ 0.1 keeps the first two.
        let accuracyOnly = try SearchSpaceProfiler(latencyWeight: 0, threshold: .cost(0.1))
            .profile(Self.space, accuracy: Self.accuracy, latency: Self.latency)
        #expect(accuracyOnly.ranking.filter(\.kept).map { Self.space.canonical($0.architecture) } == ["res_k3-res_k3", "res_k3-vgg_k3"])
        #expect(accuracyOnly.keptTypes == [["res_k3"], ["vgg_k3", "res_k3"]])
    }

    @Test("a network that cannot be evaluated costs infinity and is never kept; bad settings are refused")
    func failuresAndSettings() throws {
        var partial = Self.latency.values
        partial["vgg_k3-vgg_k3"] = nil
        let profiled = try SearchSpaceProfiler(threshold: .fraction(1))
            .profile(Self.space, accuracy: Self.accuracy, latency: ProfileTableStub(metric: "latency", values: partial))
        #expect(profiled.ranking.last.map { Self.space.canonical($0.architecture) } == "vgg_k3-vgg_k3")
        #expect(profiled.ranking.last?.kept == false && profiled.ranking.last?.cost == .infinity)
        #expect(throws: HardwareError.self) { try SearchSpaceProfiler(accuracyWeight: 0, latencyWeight: 0) }
        #expect(throws: HardwareError.self) { try SearchSpaceProfiler(threshold: .fraction(0)) }
        #expect(throws: HardwareError.self) { try SearchSpaceProfiler(latencyTarget: -1) }
    }

    @Test("a cancelled profile stops within half a second of the cancel")
    func cancellation() throws {
        let space = try BasenetSpace()  // 76 SSBNs at 0.1 s each: about 8 s if not stopped
        let slow = ProfileTableStub(metric: "accuracy", values: [:], delay: 0.1)
        let cancel = CancellationToken()
        let cancelledAt = Mutex<Date?>(nil)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) {
            cancelledAt.withLock { $0 = Date() }
            cancel.cancel()
        }
        #expect(throws: (any Error).self) {
            try SearchSpaceProfiler().profile(space, accuracy: slow, latency: slow, cancel: cancel)
        }
        let stopped = Date()
        let since = try #require(cancelledAt.withLock { $0 })
        #expect(stopped.timeIntervalSince(since) < 0.5)
    }
}
