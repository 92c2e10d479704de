import Foundation
import NASCore
import NASSpaces
import Testing
@testable import NASSearch

@Suite("Seeding and checkpoints")
struct CheckpointTests {
    static let space = ToySpace(length: 5, options: 4)

    /// Drives ask/tell for `steps` single proposals and returns the proposed token strings.
    static func trace(_ strategy: any SearchStrategy, _ evaluator: HiddenTargetEvaluator, steps: Int,
                      space: any SearchSpace = CheckpointTests.space) throws -> [[Int]] {
        var out: [[Int]] = []
        while out.count < steps {
            let proposals = try strategy.ask(1)
            guard !proposals.isEmpty else { break }
            for p in proposals {
                let r = try evaluator.evaluate(p.architecture, in: space, fidelity: p.fidelity, seed: 0, cancel: CancellationToken())
                try strategy.tell(p, result: r, score: Objective.maximize().score(r))
                out.append(p.architecture.tokens + [p.fidelity.epochs ?? -1])
            }
        }
        return out
    }

    @Test(arguments: StrategyFactory.all)
    func sameSeedSameRun(name: String) throws {
        let ev = HiddenTargetEvaluator(space: Self.space, seed: 9)
        let a = try Self.trace(StrategyFactory.make(name, space: Self.space, seed: 4), ev, steps: 40)
        let b = try Self.trace(StrategyFactory.make(name, space: Self.space, seed: 4), ev, steps: 40)
        let c = try Self.trace(StrategyFactory.make(name, space: Self.space, seed: 5), ev, steps: 40)
        #expect(a == b)
        if name != "grid" { #expect(a != c, "grid search has no randomness; every other strategy does") }
    }

    @Test(arguments: StrategyFactory.all)
    func restoredStrategyContinuesIdentically(name: String) throws {
        let ev = HiddenTargetEvaluator(space: Self.space, seed: 9)
        let original = try StrategyFactory.make(name, space: Self.space, seed: 7)
        _ = try Self.trace(original, ev, steps: 25)
        let saved = try original.checkpoint()
        let continued = try Self.trace(original, ev, steps: 25)

        let resumed = try StrategyFactory.make(name, space: Self.space, seed: 123)
        try resumed.restore(from: saved)
        #expect(try Self.trace(resumed, ev, steps: 25) == continued)
    }
}
