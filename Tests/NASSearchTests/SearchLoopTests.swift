import Foundation
import NASCore
import NASSpaces
import Testing
@testable import NASSearch

@Suite("Budgets and the search loop")
struct SearchLoopTests {
    let space = ToySpace(length: 4, options: 3)

    @Test func trialBudgetStopsAtCount() throws {
        let ev = HiddenTargetEvaluator(space: space, seed: 1)
        let outcome = try SearchLoop(space: space, evaluator: ev, budget: .trials(17)).run(RandomSearch(space: space, seed: 1))
        #expect(outcome.trials.count == 17)
    }

    @Test func simulatedBudgetStopsAfterCrossingTrial() throws {
        // Each full trial costs 27 simulated seconds; 100 s allows 4 trials (the 4th crosses the line).
        let ev = HiddenTargetEvaluator(space: space, seed: 1)
        let outcome = try SearchLoop(space: space, evaluator: ev, budget: .simulated(100)).run(RandomSearch(space: space, seed: 1))
        #expect(outcome.trials.count == 4)
        #expect(outcome.spent.simulatedSeconds == 108)
        #expect(outcome.trials.map(\.simulatedClock) == [27, 54, 81, 108])
    }

    @Test func spentWallBudgetStopsBeforeTheFirstTrial() throws {
        let ev = HiddenTargetEvaluator(space: space, seed: 1)
        let outcome = try SearchLoop(space: space, evaluator: ev, budget: .wall(0)).run(RandomSearch(space: space, seed: 1))
        #expect(outcome.trials.isEmpty)
        #expect(!Budget().isLimited)
        #expect(Budget(trials: 3, simulatedSeconds: 10).description == "3 trials, 10.0s simulated")
    }

    @Test func cancellationStopsTheLoop() throws {
        let ev = HiddenTargetEvaluator(space: space, seed: 1)
        let token = CancellationToken()
        token.cancel()
        #expect(throws: CancellationError.self) {
            try SearchLoop(space: space, evaluator: ev, budget: .trials(5)).run(RandomSearch(space: space, seed: 1), cancel: token)
        }
    }

    @Test func bestSoFarIsMonotone() throws {
        let ev = HiddenTargetEvaluator(space: space, seed: 2)
        let outcome = try SearchLoop(space: space, evaluator: ev, budget: .trials(40)).run(RandomSearch(space: space, seed: 3))
        let curve = outcome.trials.map(\.bestScore)
        #expect(zip(curve, curve.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(curve.last == outcome.trials.map(\.score).max())
    }

    @Test func tellingAnUnknownProposalThrows() throws {
        let strategy = RandomSearch(space: space, seed: 1)
        let bogus = Proposal(id: 99, architecture: Architecture(space: "toy", tokens: [0, 0, 0, 0]))
        #expect(throws: StrategyError.self) { try strategy.tell(bogus, result: TrialResult(metrics: [:]), score: 0) }
    }

    @Test func restoringAnotherStrategysCheckpointIsRefused() throws {
        let a = RandomSearch(space: space, seed: 1)
        let b = LocalSearch(space: space, seed: 1)
        #expect(throws: StrategyError.self) { try b.restore(from: try a.checkpoint()) }
    }
}
