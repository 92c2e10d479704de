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

/// What a run keeps in memory: every trial up to a limit, only the incumbent, or nothing, whatever its budget.
@Suite("Trials kept in memory")
struct TrialKeepingTests {
    let space = ToySpace(length: 4, options: 3)

    @Test("keeping only the incumbent holds one trial however long the run, and it is the incumbent of the full log")
    func incumbentOnly() throws {
        let ev = HiddenTargetEvaluator(space: space, seed: 1)
        let all = try SearchLoop(space: space, evaluator: ev, budget: .trials(3000), seed: 2).run(RandomSearch(space: space, seed: 4))
        let best = try SearchLoop(space: space, evaluator: ev, budget: .trials(3000), seed: 2, keeping: .best)
            .run(RandomSearch(space: space, seed: 4))
        #expect(all.trials.count == 3000 && best.trials.isEmpty && best.spent.trials == 3000)
        // The incumbent by a scan of the full log: the first of the highest scores.
        let scanned = all.trials.enumerated().max { a, b in a.element.score < b.element.score || (a.element.score == b.element.score && a.offset > b.offset) }
        #expect(best.best?.proposal == scanned?.element.proposal && best.best?.score == scanned?.element.score)
        #expect(all.best?.proposal == best.best?.proposal)
    }

    @Test("a run that keeps every trial stops with an error at its limit, before memory runs out")
    func limitIsAnError() throws {
        let ev = HiddenTargetEvaluator(space: space, seed: 1)
        #expect {
            try SearchLoop(space: space, evaluator: ev, budget: .trials(5000), keeping: .all(limit: 1000)).run(RandomSearch(space: space, seed: 1))
        } throws: { error in
            "\(error)".contains("passed 1000 trials") && "\(error)".contains("smaller budget")
        }
    }

    @Test("a store-like run keeps nothing")
    func keepsNothing() throws {
        let ev = HiddenTargetEvaluator(space: space, seed: 1)
        let outcome = try SearchLoop(space: space, evaluator: ev, budget: .trials(500), keeping: .none).run(RandomSearch(space: space, seed: 1))
        #expect(outcome.trials.isEmpty && outcome.best == nil && outcome.spent.trials == 500 && outcome.tally.bestScore > 0)
    }
}
