import Foundation
import NASCore
import NASSpaces
import Testing
@testable import NASSearch

@Suite("Successive halving, Hyperband and BOHB")
struct MultiFidelityTests {
    @Test func ladderMatchesHyperbandPaperTable() throws {
        // Li et al. (JMLR 2018), Table 1: R = 81, η = 3; (n_i, r_i) for each bracket s = 4 … 0.
        let expected: [[(Int, Int)]] = [
            [(81, 1), (27, 3), (9, 9), (3, 27), (1, 81)],
            [(34, 3), (11, 9), (3, 27), (1, 81)],
            [(15, 9), (5, 27), (1, 81)],
            [(8, 27), (2, 81)],
            [(5, 81)],
        ]
        let ladder = try BudgetLadder(maxEpochs: 81, eta: 3)
        #expect(ladder.maxBracket == 4)
        #expect(ladder.brackets.map { $0.map { [$0.count, $0.epochs] } } == expected.map { $0.map { [$0.0, $0.1] } })
    }

    @Test func ladderRejectsBadSettings() {
        #expect(throws: StrategyError.self) { try BudgetLadder(maxEpochs: 10, eta: 1) }
        #expect(throws: StrategyError.self) { try BudgetLadder(maxEpochs: 10, eta: 3, minEpochs: 20) }
    }

    @Test func successiveHalvingPromotesTheBestOfEachRung() throws {
        let space = ToySpace(length: 5, options: 4)
        let ev = HiddenTargetEvaluator(space: space, seed: 2)
        let sh = try SuccessiveHalving(space: space, maxEpochs: 27, seed: 3)
        let trials = try SearchLoop(space: space, evaluator: ev, budget: .trials(41), batchSize: 30).run(sh).trials
        #expect(trials.map { $0.proposal.fidelity.epochs! } == Array(repeating: 1, count: 27) + Array(repeating: 3, count: 9)
                + [9, 9, 9, 27, 1])
        for (rung, next) in [(0..<27, 27..<36), (27..<36, 36..<39), (36..<39, 39..<40)] {
            let best = trials[rung].sorted { $0.score > $1.score }.prefix(next.count).map(\.proposal.architecture)
            #expect(Set(trials[next].map(\.proposal.architecture)) == Set(best))
        }
    }

    @Test func hyperbandCyclesThroughBrackets() throws {
        let space = ToySpace(length: 5, options: 4)
        let ev = HiddenTargetEvaluator(space: space, seed: 2)
        let hb = try Hyperband(space: space, maxEpochs: 27, seed: 3)
        // Bracket sizes for R = 27, η = 3: 27+9+3+1, 12+4+1, 6+2, 4 = 69 trials; then s = 3 again.
        let trials = try SearchLoop(space: space, evaluator: ev, budget: .trials(70)).run(hb).trials
        let starts = [0, 40, 57, 65, 69].map { trials[$0].proposal.fidelity.epochs! }
        #expect(starts == [1, 3, 9, 27, 1])
        #expect(hb.currentBracket == 3)
    }

    /// Under the same simulated budget (each epoch costs 1 s), the multi-fidelity methods reach a
    /// better full-fidelity architecture than random search, averaged over 10 seeds.
    @Test(arguments: StrategyFactory.multiFidelity)
    func beatsRandomSearchAtEqualSimulatedCost(name: String) throws {
        let space = NB201Space()
        func best(_ make: (UInt64) throws -> any SearchStrategy) throws -> Double {
            try Runs.mean(seeds: 0..<10) { s in
                let ev = HiddenTargetEvaluator(space: space, seed: 700 + s)
                let outcome = try SearchLoop(space: space, evaluator: ev, budget: .simulated(27 * 60)).run(make(s))
                return outcome.best.map { ev.finalAccuracy($0.proposal.architecture.tokens) } ?? 0
            }
        }
        let random = try best { RandomSearch(space: space, seed: $0) }
        let other = try best { try StrategyFactory.make(name, space: space, seed: $0) }
        #expect(other > random, "\(name) \(other) vs random \(random)")
    }
}
