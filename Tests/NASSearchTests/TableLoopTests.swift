import NASBenchmarks
import NASCore
import NASSpaces
import Testing
@testable import NASSearch

/// The loop's fast paths (rows read from a result table, the loop compiled per strategy, NB201's cells sampled and
/// mutated by direct calls) give exactly the runs of the plain paths.
@Suite("Search loop fast paths")
struct TableLoopTests {
    let space = NB201Space()

    /// Every field of every trial of two runs, compared one by one (but the real time an evaluator call took).
    func expectSameRuns(_ a: SearchLoop.Outcome, _ b: SearchLoop.Outcome) {
        #expect(a.trials.count == b.trials.count)
        for (x, y) in zip(a.trials, b.trials) { #expect(untimed(x) == untimed(y)) }
        #expect(a.spent.trials == b.spent.trials && a.spent.simulatedSeconds == b.spent.simulatedSeconds)
        #expect(a.best.map(untimed) == b.best.map(untimed))
    }

    /// A trial without the real seconds its evaluation took (a table row records none; a call measures it).
    func untimed(_ trial: SearchTrial) -> SearchTrial {
        var copy = trial
        copy.result.wallSeconds = 0
        return copy
    }

    @Test("reading rows from the NB201 table gives the trials of calling the evaluator",
          arguments: ["evolution", "random", "local", "tournament", "hyperband", "bohb", "reinforce"])
    func tableEqualsCalls(strategy name: String) throws {
        let evaluator = try NB201Evaluator(dataset: .cifar100, epochs: 12, metric: .valid)
        for seed in [UInt64(1), 7] {
            func run(_ evaluator: any Evaluator) throws -> SearchLoop.Outcome {
                let strategy = try strategyForNB201(name, seed: seed)
                let batch = ["hyperband", "bohb"].contains(name) ? 4 : 1
                return try SearchLoop(space: space, evaluator: evaluator, budget: .simulated(20_000), batchSize: batch,
                                      seed: seed).run(strategy)
            }
            let fast = try run(evaluator), plain = try run(TablelessEvaluator(base: evaluator))
            #expect(fast.trials.count > 10)
            expectSameRuns(fast, plain)
        }
    }

    /// A strategy by name; the multi-fidelity ones over NB201's two schedules (12 and 200 epochs: eta 16).
    func strategyForNB201(_ name: String, seed: UInt64) throws -> any SearchStrategy {
        switch name {
        case "hyperband": return try Hyperband(space: space, maxEpochs: 200, eta: 16, minEpochs: 12, seed: seed)
        case "bohb": return try BOHB(space: space, maxEpochs: 200, eta: 16, minEpochs: 12, seed: seed)
        default: return try StrategyFactory.make(name, space: space, seed: seed)
        }
    }

    @Test("a run at two fidelities keeps each trial's result from its own table")
    func twoFidelities() throws {
        let evaluator = try NB201Evaluator(dataset: .cifar10, epochs: 200, metric: .valid)
        let strategy = try Hyperband(space: space, maxEpochs: 200, eta: 16, minEpochs: 12, seed: 3)
        let outcome = try SearchLoop(space: space, evaluator: evaluator, budget: .trials(60), batchSize: 8).run(strategy)
        #expect(Set(outcome.trials.map(\.proposal.fidelity.epochs)).count == 2)
        for trial in outcome.trials {
            let direct = try evaluator.evaluate(trial.proposal.architecture, in: space, fidelity: trial.proposal.fidelity,
                                                seed: 0, cancel: CancellationToken())
            #expect(trial.result == direct)
        }
    }

    @Test("evolution samples and mutates NB201's cells directly exactly as through the protocol",
          arguments: ["evolution", "tournament"])
    func directSpaceEqualsProtocol(strategy name: String) throws {
        let direct = try StrategyFactory.make(name, space: space, seed: 11)
        let viaProtocol = try StrategyFactory.make(name, space: ProtocolOnlyNB201(), seed: 11)
        for step in 0..<400 {
            let a = try #require(try (direct as! any LoopSpecialised).askOne()), b = try #require(try (viaProtocol as! any LoopSpecialised).askOne())
            #expect(a == b, "step \(step)")
            // A score that depends on the cell, so that the tournaments have something to prefer.
            let score = Double(NB201Space.cellCode(of: a.architecture) ?? 0).truncatingRemainder(dividingBy: 97)
            try direct.tell(a, result: .failed("unused"), score: score)
            try viaProtocol.tell(b, result: .failed("unused"), score: score)
        }
    }

    @Test("trial records, proposals and observations hold no reference")
    func recordsArePlainData() {
        #expect(_isPOD(Proposal.self))
        #expect(_isPOD(Observation.self))
        #expect(_isPOD(TrialLog.Record.self))
    }
}
