import NASCore
import NASSpaces
import Testing
@testable import NASSearch

/// An accuracy that rises with each position's block index (mb_k5_e3 best): a known optimum.
private struct BlockSumEvaluator: Evaluator {
    var descriptor: String { "block_sum" }
    var supportedSpaces: Set<String> { ["basenet"] }
    var maxEpochs: Int? { nil }
    func evaluate(_ architecture: Architecture, in space: any SearchSpace, fidelity: Fidelity, seed: UInt64,
                  cancel: CancellationToken) throws -> TrialResult {
        try space.validate(architecture)
        return TrialResult(metrics: ["accuracy": Double(architecture.tokens.reduce(0, +)) / 100])
    }
}

/// Strategies from the registry search a profiled space: every trial is one of its members, and
/// grid search finds the best member, which brute force over the members confirms.
@Suite struct ProfiledSpaceSearchTests {
    static let kept = [["vgg_k3", "res_k3"], ["mb_k3_e6"], ["res_k3", "mb_k5_e3", "vgg_k3"], ["vgg_k3"]]

    @Test("random, evolution, local and grid search propose only members of the profiled space", arguments: ["random", "evolution", "local", "grid"])
    func staysInside(strategy: String) throws {
        let parent = try BasenetSpace(stages: [(4, 2), (8, 2)])
        let space = try ProfiledSpace(parent: parent, keeping: Self.kept)
        let members = Set(try space.enumerate(limit: 100).map(\.tokens))
        #expect(members.count == 6)
        let evaluator = BlockSumEvaluator()
        let outcome = try SearchLoop(space: space, evaluator: evaluator, budget: .trials(40), seed: 3)
            .run(try StrategyRegistry.make(strategy, space: space, seed: 3))
        #expect(outcome.trials.count > 0)
        for trial in outcome.trials { #expect(members.contains(trial.proposal.architecture.tokens)) }
        if strategy == "grid" {
            let best = try #require(outcome.best)
            #expect(space.canonical(best.proposal.architecture) == "res_k3-mb_k3_e6-mb_k5_e3-vgg_k3")
        }
    }
}
