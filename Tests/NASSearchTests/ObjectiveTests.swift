import Foundation
import NASSpaces
import Testing
@testable import NASSearch

@Suite("Objectives and constraints")
struct ObjectiveTests {
    @Test func maximiseAndMinimiseOrientScores() {
        let r = TrialResult(metrics: ["accuracy": 0.9, "latency": 0.015])
        #expect(Objective.maximize().score(r) == 0.9)
        #expect(Objective.minimize("latency").score(r) == -0.015)
    }

    @Test func violatedConstraintScoresMinusInfinity() throws {
        let fast = TrialResult(metrics: ["accuracy": 0.8, "latency": 0.015, "params": 5e5])
        let slow = TrialResult(metrics: ["accuracy": 0.95, "latency": 0.025, "params": 5e5])
        let objective = Objective.maximize(constraints: [try Constraint(parsing: "latency < 0.02"),
                                                         try Constraint(parsing: "params < 1e6")])
        #expect(objective.score(fast) == 0.8)
        #expect(objective.score(slow) == -.infinity)
        #expect(objective.score(TrialResult(metrics: ["accuracy": 0.9])) == -.infinity, "missing latency is infeasible")
        #expect(objective.score(.failed("NaN loss")) == -.infinity)
    }

    @Test func badConstraintTextSaysWhatIsWrong() {
        #expect(throws: StrategyError.self) { try Constraint(parsing: "latency ~ 3") }
        #expect(throws: StrategyError.self) { try Constraint(parsing: "latency < fast") }
        #expect(throws: StrategyError.self) { try Constraint(parsing: "latency<3") }
    }

    @Test func mnasnetSoftRewardMatchesFormula() {
        // ACC·(LAT/T)^w with w = -0.07 on both sides: at twice the target the reward is 0.75·2^-0.07.
        let soft = MnasNetReward.soft(target: 0.08)
        #expect(abs(soft.value(accuracy: 0.75, latency: 0.16) - 0.75 * exp(-0.07 * log(2))) < 1e-12)
        #expect(abs(soft.value(accuracy: 0.75, latency: 0.04) - 0.75 * exp(0.07 * log(2))) < 1e-12)
    }

    @Test func mnasnetHardRewardIgnoresLatencyUnderTargetAndDividesOver() {
        let hard = MnasNetReward.hard(target: 0.08)
        #expect(hard.value(accuracy: 0.75, latency: 0.04) == 0.75)
        #expect(abs(hard.value(accuracy: 0.75, latency: 0.16) - 0.375) < 1e-12)
        let objective = Objective(.mnasnet(hard))
        #expect(abs(objective.score(TrialResult(metrics: ["accuracy": 0.6, "latency": 0.24])) - 0.2) < 1e-12)
    }

    @Test func constrainedSearchReturnsOnlyFeasibleBest() throws {
        let space = ToySpace(length: 4, options: 4)
        let evaluator = HiddenTargetEvaluator(space: space, seed: 5)
        let objective = Objective.maximize(constraints: [Constraint("latency", .less, 4)])
        let loop = SearchLoop(space: space, evaluator: evaluator, objective: objective, budget: .trials(300))
        let outcome = try loop.run(try RegularizedEvolution(space: space, seed: 1))
        let best = try #require(outcome.best)
        #expect(best.result.metrics["latency"]! < 4)
        // The best feasible architecture, by enumeration.
        let feasibleBest = try space.enumerate(limit: 1000)
            .filter { $0.tokens.reduce(0, +) < 4 }
            .map { evaluator.finalAccuracy($0.tokens) }.max()!
        #expect(best.score <= feasibleBest + 1e-12)
    }
}
