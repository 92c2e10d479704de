import Foundation
import NASCore
import NASSpaces
import Testing
@testable import NASSearch

@Suite("Pareto fronts, hypervolume and NSGA-II")
struct MultiObjectiveTests {
    @Test func hypervolumeOfAStaircaseByHand() {
        // Rectangles [0,3]×[0,1] ∪ [0,2]×[0,2] ∪ [0,1]×[0,3]: 3 + 2·1 + 1·1 = 6; the dominated point (1,1) adds nothing.
        #expect(Hypervolume.twoDimensional([[3, 1], [2, 2], [1, 3], [1, 1]], reference: [0, 0]) == 6)
        // Reference (0.5, 0.5): 2.5·0.5 + 1.5·1 + 0.5·1 = 3.25.
        #expect(Hypervolume.twoDimensional([[1, 3], [3, 1], [2, 2]], reference: [0.5, 0.5]) == 3.25)
        #expect(Hypervolume.twoDimensional([[-1, 5]], reference: [0, 0]) == 0)
    }

    @Test func accuracyLatencyFrontHypervolume() {
        // (accuracy, -latency) with reference (0.5, -0.05): 0.4·0.03 + 0.3·0.01 = 0.015.
        let front = [[0.9, -0.02], [0.8, -0.01]]
        #expect(abs(Hypervolume.twoDimensional(front, reference: [0.5, -0.05]) - 0.015) < 1e-15)
    }

    @Test func nonDominatedSortingByHand() {
        let points: [[Double]] = [[1, 5], [2, 4], [3, 3], [2, 2], [1, 1], [0, 6], [-.infinity, 9]]
        #expect(ParetoFront.nonDominatedSort(points) == [[0, 1, 2, 5], [3], [4], [6]])
        #expect(ParetoFront.dominates([2, 2], [1, 2]))
        #expect(!ParetoFront.dominates([2, 2], [2, 2]))
    }

    @Test func crowdingDistanceByHand() {
        // Front sorted by x: (0,3) (1,2) (3,1) (4,0): middle ones get (3-0)/4 + (3-1)/3 and (4-1)/4 + (2-0)/3.
        let points: [[Double]] = [[0, 3], [1, 2], [3, 1], [4, 0]]
        let d = ParetoFront.crowdingDistance(points, front: [0, 1, 2, 3])
        #expect(d[0] == .infinity && d[3] == .infinity)
        #expect(abs(d[1] - (3.0 / 4 + 2.0 / 3)) < 1e-12)
        #expect(abs(d[2] - (3.0 / 4 + 2.0 / 3)) < 1e-12)
    }

    /// NSGA-II's front (accuracy up, latency down) covers most of the true front's hypervolume
    /// (found by enumeration), and more than random search's front with the same trials, over 5 seeds.
    @Test func nsga2ApproachesTheTrueFront() throws {
        let space = ToySpace(length: 4, options: 4)
        let objectives = [Objective.maximize("accuracy"), Objective.minimize("latency")]
        let reference = [0.5, -13.0]
        var nsgaTotal = 0.0, randomTotal = 0.0, trueTotal = 0.0
        for seed in UInt64(0)..<5 {
            let ev = HiddenTargetEvaluator(space: space, seed: 40 + seed)
            let all = try space.enumerate(limit: 256).map { a -> [Double] in
                let r = try ev.evaluate(a, in: space, fidelity: .full, seed: 0, cancel: CancellationToken())
                return objectives.map { $0.score(r) }
            }
            trueTotal += Hypervolume.twoDimensional(ParetoFront.front(all).map { all[$0] }, reference: reference)
            let nsga = try NSGA2(space: space, objectives: objectives, populationSize: 10, seed: seed)
            _ = try SearchLoop(space: space, evaluator: ev, budget: .trials(80), batchSize: 10).run(nsga)
            nsgaTotal += Hypervolume.twoDimensional(nsga.paretoFront.map(\.values), reference: reference)
            #expect(nsga.generation == 7)
            let random = try SearchLoop(space: space, evaluator: ev, budget: .trials(80)).run(RandomSearch(space: space, seed: seed))
            let points = random.trials.map { t in objectives.map { $0.score(t.result) } }
            randomTotal += Hypervolume.twoDimensional(ParetoFront.front(points).map { points[$0] }, reference: reference)
        }
        #expect(nsgaTotal > randomTotal, "NSGA-II \(nsgaTotal) vs random \(randomTotal)")
        #expect(nsgaTotal > 0.9 * trueTotal, "NSGA-II \(nsgaTotal) vs true \(trueTotal)")
    }

    @Test func nsga2FrontIsMutuallyNonDominated() throws {
        let space = ToySpace(length: 4, options: 4)
        let ev = HiddenTargetEvaluator(space: space, seed: 3)
        let nsga = try NSGA2(space: space, objectives: [.maximize("accuracy"), .minimize("params")], seed: 1)
        _ = try SearchLoop(space: space, evaluator: ev, budget: .trials(100), batchSize: 4).run(nsga)
        let front = nsga.paretoFront
        #expect(!front.isEmpty)
        for a in front { for b in front { #expect(!ParetoFront.dominates(a.values, b.values)) } }
    }

    @Test func nsga2NeedsTwoObjectives() {
        #expect(throws: StrategyError.self) { try NSGA2(space: ToySpace(length: 3, options: 3), objectives: [.maximize()], seed: 1) }
    }
}
