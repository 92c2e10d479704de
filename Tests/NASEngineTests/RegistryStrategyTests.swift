import Foundation
import NASBenchmarks
import NASCore
import NASSearch
import NASSpaces
import Testing
@testable import NASEngine

/// The strategy registry seen from the engine: settings are checked and completed, every entry builds a working
/// strategy, and a strategy rebuilt from the same settings and seed proposes the same thing.
@Suite struct RegistryStrategyTests {
    @Test func defaultsAreFilledInAndGivenSettingsKept() throws {
        let settings = try StrategyRegistry.settings("evolution", given: ["population": 20])
        #expect(settings == ["population": 20, "sample": 3, "screening": 1])
    }

    @Test func anUnknownNameSuggestsTheClosest() {
        #expect(throws: StrategyError.self) { try StrategyRegistry.settings("evolutoin", given: [:]) }
        do { _ = try StrategyRegistry.require("evolutoin") } catch {
            #expect("\(error)".contains("did you mean 'evolution'?"))
        }
    }

    @Test func badSettingsAreRefusedWithTheirName() {
        for (given, words) in [(["populaton": 5.0], "did you mean 'population'"), (["population": 2.5], "whole number"),
                               (["population": 0], "at least 1")] {
            do {
                _ = try StrategyRegistry.settings("evolution", given: given)
                Issue.record("\(given) was accepted")
            } catch {
                #expect("\(error)".contains(words), "\(error)")
            }
        }
    }

    @Test func everyEntryBuildsAndProposesValidArchitecturesOfTheSpace() throws {
        let space = RunTestSpace()
        for entry in StrategyRegistry.entries where !entry.isOneShot {
            let strategy = try StrategyRegistry.make(entry.name, settings: ["startup": 2, "ensemble": 2, "epochs": 2]
                .filter { key, _ in entry.parameters.contains { $0.name == key } }, space: space, seed: 3, maxEpochs: 27,
                objectives: [.maximize("accuracy"), .minimize("latency")])
            var told = 0
            while told < 12, !strategy.isFinished {
                let proposals = try strategy.ask(1)
                guard let proposal = proposals.first else { break }
                try space.validate(proposal.architecture)
                if let epochs = proposal.fidelity.epochs { #expect((1...27).contains(epochs), "\(entry.name)") }
                let result = try RunTestEvaluator().evaluate(proposal.architecture, in: space, fidelity: proposal.fidelity,
                                                             seed: 0, cancel: CancellationToken())
                try strategy.tell(proposal, result: result, score: result.metrics["accuracy"]!)
                told += 1
            }
            #expect(told > 0, "\(entry.name) proposed nothing")
        }
    }

    @Test func theSameSettingsAndSeedGiveTheSameProposals() throws {
        let space = NB201Space()
        for name in ["random", "evolution", "reinforce", "tpe"] {
            let a = try StrategyRegistry.make(name, settings: [:], space: space, seed: 5)
            let b = try StrategyRegistry.make(name, settings: [:], space: space, seed: 5)
            for _ in 0..<15 {
                let pa = try #require(try a.ask(1).first), pb = try #require(try b.ask(1).first)
                #expect(pa.architecture == pb.architecture, "\(name)")
                let score = Double(pa.architecture.tokens.reduce(0, +))
                try a.tell(pa, result: TrialResult(metrics: [:]), score: score)
                try b.tell(pb, result: TrialResult(metrics: [:]), score: score)
            }
        }
    }

    @Test func aMultiFidelityStrategyNeedsMaxEpochsFromSomewhere() throws {
        #expect(throws: StrategyError.self) { try StrategyRegistry.make("hyperband", settings: [:], space: RunTestSpace(), seed: 1) }
        let given = try StrategyRegistry.make("hyperband", settings: ["max_epochs": 9], space: RunTestSpace(), seed: 1)
        #expect(given.settings.values.contains("9"))
        #expect((StrategyRegistry.entry("bohb")?.isMultiFidelity ?? false) && !(StrategyRegistry.entry("evolution")?.isMultiFidelity ?? true))
    }
}
